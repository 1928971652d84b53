import { requireActor } from "@/lib/authz";
import { errorResponse } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http";
import { removePushSubscription, savePushSubscription } from "@/lib/notify/settings/channels";

export const dynamic = "force-dynamic";

/**
 * This browser's push subscription (`PushSubscription.toJSON()` plus a `label`) as a PUSH channel of the signed-in
 * parent: 201 when new, 200 when an existing one was renewed.
 */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const parent = await requireActor("PARENT", "api.push.subscribe");
    const result = await savePushSubscription(parent, await request.json().catch(() => undefined));
    return Response.json(result, { status: result.created ? 201 : 200 });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `{ endpoint }`: unsubscribes this browser; 404 for an endpoint that is not one of the parent's. */
export async function DELETE(request: Request) {
  try {
    assertSameOrigin(request);
    const parent = await requireActor("PARENT", "api.push.unsubscribe");
    const result = await removePushSubscription(parent, await request.json().catch(() => undefined));
    return Response.json(result);
  } catch (error) {
    return errorResponse(error);
  }
}
