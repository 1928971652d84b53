import { requireChild } from "@/lib/chat/require-child";
import { getChildHeaderStatus } from "@/lib/child-status";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** The chat header's two facts, refetched when a live event says something changed. */
export async function GET() {
  try {
    const child = await requireChild("chat.status");
    const status = await getChildHeaderStatus({ familyId: child.familyId, childId: child.id });
    return Response.json(status, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
