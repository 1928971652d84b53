import "server-only";
import type { ToolContext } from "@/lib/ai/tools/context";
import type { RequestRestaurantAccessOutput } from "@/lib/ai/tools/contracts";
import { countPendingRequests, getFamilyRules, getUsableGrants } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import { notifyFamily } from "@/lib/events/bus";
import { wakeNotifyWorker } from "@/lib/notify/worker";
import { evaluateAccessRequest, explainReasons, restaurantAccess } from "@/lib/policy";
import { createApprovalRequest, findIdenticalPending } from "./create";

/** The requestRestaurantAccess tool's work: nothing to ask for open or granted restaurants. */
export async function submitAccessRequest(
  ctx: ToolContext,
  restaurantId: string,
  toolCallId: string,
): Promise<RequestRestaurantAccessOutput> {
  const restaurant = await db.restaurant.findFirst({
    where: { id: restaurantId, familyId: ctx.familyId, archived: false },
    select: { id: true, name: true, restricted: true, archived: true },
  });
  if (!restaurant) return { status: "refused", message: "I couldn't find that restaurant." };

  const snapshot = { kind: "RESTAURANT_ACCESS" as const, restaurant: { id: restaurant.id, name: restaurant.name } };
  const result = await db.$transaction(async (tx): Promise<RequestRestaurantAccessOutput> => {
    const rules = await getFamilyRules(ctx, tx);
    const grants = await getUsableGrants({ childId: ctx.childId, restaurantId: restaurant.id }, tx);
    const verdict = evaluateAccessRequest({
      rules,
      restaurant,
      access: restaurantAccess(
        restaurant,
        grants.map((g) => g.scope),
      ),
      // Asking again for what is already pending merges into it, even at the cap.
      pendingCount: (await findIdenticalPending(tx, { childId: ctx.childId, snapshot }))
        ? 0
        : await countPendingRequests(ctx, tx),
    });
    if (verdict.verdict === "allow") return { status: "already-allowed", restaurantName: restaurant.name };
    if (verdict.verdict === "refuse") return { status: "refused", message: explainReasons(verdict.reasons).join(" ") };
    const request = await createApprovalRequest(tx, { ...ctx, toolCallId, snapshot, reasons: verdict.reasons, rules });
    return {
      status: "pending",
      requestId: request.id,
      restaurantName: restaurant.name,
      reasons: explainReasons(verdict.reasons),
    };
  });
  notifyFamily(ctx.familyId);
  if (result.status === "pending") wakeNotifyWorker();
  return result;
}
