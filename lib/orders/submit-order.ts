import "server-only";
import type { ToolContext } from "@/lib/ai/tools/context";
import { MAX_QUANTITY, type PlaceOrderInput, type PlaceOrderOutput } from "@/lib/ai/tools/contracts";
import { createApprovalRequest, findIdenticalPending } from "@/lib/approvals/create";
import { buildOrderSnapshot } from "@/lib/approvals/snapshot";
import { countPendingRequests, getAllowedDishIds, getFamilyRules, getUsableGrants } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import { notifyFamily } from "@/lib/events/bus";
import { failpoint } from "@/lib/failpoint";
import { wakeNotifyWorker } from "@/lib/notify/worker";
import { evaluateOrder, explainReasons, restaurantAccess } from "@/lib/policy";
import { placeOrderFromSnapshot } from "./place";
import { getSpending } from "./spending";

/** The placeOrder tool's work: price from the database, ask the policy, then order or ask a parent. */
export async function submitOrder(
  ctx: ToolContext,
  input: PlaceOrderInput,
  toolCallId: string,
): Promise<PlaceOrderOutput> {
  const restaurant = await db.restaurant.findFirst({
    where: { id: input.restaurantId, familyId: ctx.familyId, archived: false },
    select: { id: true, name: true, restricted: true, archived: true },
  });
  if (!restaurant) return { status: "refused", message: "I couldn't find that restaurant." };

  const dishIds = [...new Set(input.items.map((i) => i.dishId))];
  const dishes = await db.dish.findMany({
    where: { id: { in: dishIds }, restaurantId: restaurant.id, familyId: ctx.familyId, archived: false },
    select: { id: true, name: true, priceCents: true },
  });
  if (dishes.length !== dishIds.length) {
    return { status: "refused", message: `Some of those dishes are not on the menu at ${restaurant.name}.` };
  }
  const byId = new Map(dishes.map((d) => [d.id, d]));
  const snapshot = buildOrderSnapshot(
    restaurant,
    input.items.flatMap((i) => {
      const dish = byId.get(i.dishId);
      return dish ? [{ dish, quantity: i.quantity }] : [];
    }),
  );
  if (snapshot.items.some((item) => item.quantity > MAX_QUANTITY)) {
    return { status: "refused", message: `You can order at most ${MAX_QUANTITY} of each dish.` };
  }

  const result = await db.$transaction(async (tx): Promise<PlaceOrderOutput> => {
    const rules = await getFamilyRules(ctx, tx);
    const grants = await getUsableGrants({ childId: ctx.childId, restaurantId: restaurant.id }, tx);
    const access = restaurantAccess(
      restaurant,
      grants.map((g) => g.scope),
    );
    const now = new Date();
    const verdict = evaluateOrder({
      rules,
      childId: ctx.childId,
      restaurant,
      access,
      lines: snapshot.items.map((i) => ({
        dishId: i.dishId,
        name: i.name,
        unitPriceCents: i.unitPriceCents,
        quantity: i.quantity,
      })),
      spending: await getSpending({ childId: ctx.childId, timeZone: rules.timeZone, now }, tx),
      now,
      allowedDishIds: await getAllowedDishIds(ctx, tx),
      // Asking again for what is already pending merges into it, even at the cap.
      pendingCount: (await findIdenticalPending(tx, { childId: ctx.childId, snapshot }))
        ? 0
        : await countPendingRequests(ctx, tx),
    });
    const base = { restaurantName: restaurant.name, items: snapshot.items, totalCents: snapshot.totalCents };

    if (verdict.verdict === "refuse") return { status: "refused", message: explainReasons(verdict.reasons).join(" ") };
    if (verdict.verdict === "needs-parent") {
      const request = await createApprovalRequest(tx, {
        ...ctx,
        toolCallId,
        snapshot,
        reasons: verdict.reasons,
        rules,
      });
      return { status: "pending", requestId: request.id, reasons: explainReasons(verdict.reasons), ...base };
    }
    // A standing grant is kept; a once-only grant is spent by this order.
    const onceGrant = restaurant.restricted && !grants.some((g) => g.scope === "ALWAYS") ? grants[0] : undefined;
    const { orderId } = await placeOrderFromSnapshot(tx, {
      familyId: ctx.familyId,
      childId: ctx.childId,
      chatId: ctx.chatId,
      snapshot,
      actor: { id: ctx.childId, role: "CHILD" },
      onceGrantId: onceGrant?.id,
    });
    return { status: "placed", orderId, ...base };
  });
  failpoint("order.after-commit"); // crash test: the request is stored but the chat never hears "waiting"
  notifyFamily(ctx.familyId);
  if (result.status === "pending") wakeNotifyWorker();
  return result;
}
