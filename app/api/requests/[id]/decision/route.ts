import { z } from "zod";
import { decideRequest } from "@/lib/approvals/decide";
import { describeDecision } from "@/lib/approvals/describe";
import { requireActor } from "@/lib/authz";
import { AppError, errorResponse } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http";

export const dynamic = "force-dynamic";

const requestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Invalid request id");

const decisionBody = z
  .object({
    decision: z.enum(["APPROVE", "DENY"]),
    scope: z.enum(["ONCE", "ALWAYS_RESTAURANT", "ALWAYS_DISH"]).optional(),
    note: z.string().max(500, "Keep the note under 500 characters.").optional(),
    /** `{ items: [{ dishId, quantity }] }`, checked by the decide service. */
    edit: z.unknown().optional(),
  })
  .strict();

/**
 * A parent's decision as JSON, for scripts, notifications and load tests: the same service as the inbox's
 * server action. 200 when this call decided (or repeats the same decision), 409 when the request was already
 * decided otherwise, expired or was cancelled, with the reason in words.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const parent = await requireActor("PARENT", "api.decide");
    const id = requestId.safeParse((await params).id);
    if (!id.success) throw new AppError("not_found:request", "That request does not exist.");
    const body = decisionBody.safeParse(await request.json().catch(() => undefined));
    if (!body.success) {
      throw new AppError("bad_request:decision", body.error.issues[0]?.message ?? "Invalid decision.");
    }
    const result = await decideRequest({ actor: parent, requestId: id.data, ...body.data });
    const { ok, message } = describeDecision(result);
    return Response.json({ ...result, message }, { status: ok ? 200 : 409 });
  } catch (error) {
    return errorResponse(error);
  }
}
