import "server-only";
import type { GetMyStatusOutput, LineItem } from "@/lib/ai/tools/contracts";
import type { Snapshot } from "@/lib/approvals/snapshot";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import { getSpending } from "@/lib/orders/spending";
import { budgetOf, remainingBudget, spendingWindows } from "@/lib/policy";
import { summarizeRequest } from "./summary";

export { summarizeRequest } from "./summary";

type ChildScope = { familyId: string; childId: string; now?: Date };

/**
 * A child's own standing, read from the database: what waits for a parent, what was ordered in the
 * family's local today, and what is left to spend. Scoped by family and child, so no id can leak.
 */
export async function getChildStatus({ familyId, childId, now = new Date() }: ChildScope): Promise<GetMyStatusOutput> {
  const rules = await getFamilyRules({ familyId });
  const { dayStart } = spendingWindows(now, rules.timeZone);
  const [pending, orders, spending] = await Promise.all([
    db.approvalRequest.findMany({
      where: { familyId, childId, status: "PENDING" },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, snapshot: true },
    }),
    db.order.findMany({
      where: { familyId, childId, status: "PLACED", createdAt: { gte: dayStart, lte: now } },
      orderBy: { createdAt: "asc" },
      select: { id: true, items: true, totalCents: true, restaurant: { select: { name: true } } },
    }),
    getSpending({ childId, timeZone: rules.timeZone, now }),
  ]);
  const budget = budgetOf(rules, childId);
  return {
    pending: pending.map((r) => ({
      requestId: r.id,
      kind: r.kind as GetMyStatusOutput["pending"][number]["kind"],
      summary: summarizeRequest(r.snapshot as unknown as Snapshot),
    })),
    orderedToday: orders.map((o) => ({
      orderId: o.id,
      restaurantName: o.restaurant.name,
      items: o.items as unknown as LineItem[],
      totalCents: o.totalCents,
    })),
    spentTodayCents: spending.todayCents,
    remainingTodayCents: remainingBudget(rules, childId, spending),
    dailyBudgetCents: budget.dailyCents,
    weeklyBudgetCents: budget.weeklyCents,
  };
}

/** The two facts the chat header shows: how many requests wait, and what is left today (null: no budget). */
export async function getChildHeaderStatus(
  scope: ChildScope,
): Promise<{ pendingCount: number; remainingTodayCents: number | null }> {
  const status = await getChildStatus(scope);
  return { pendingCount: status.pending.length, remainingTodayCents: status.remainingTodayCents };
}
