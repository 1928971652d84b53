import "server-only";
import { type Db, db, type Tx } from "@/lib/db";
import { type Spending, spendingWindows } from "@/lib/policy";

/** What a child's placed orders cost in the family's current local day and week. */
export async function getSpending(
  { childId, timeZone, now = new Date() }: { childId: string; timeZone: string; now?: Date },
  client: Db | Tx = db,
): Promise<Spending> {
  const { dayStart, weekStart } = spendingWindows(now, timeZone);
  // A day always starts within its week, so the week's orders hold the day's.
  const orders = await client.order.findMany({
    where: { childId, status: "PLACED", createdAt: { gte: weekStart } },
    select: { totalCents: true, createdAt: true },
  });
  let todayCents = 0;
  let weekCents = 0;
  for (const order of orders) {
    if (order.createdAt >= dayStart) todayCents += order.totalCents;
    if (order.createdAt >= weekStart) weekCents += order.totalCents;
  }
  return { todayCents, weekCents };
}
