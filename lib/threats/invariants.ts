// The safety invariants of THREATS.md, checked with plain queries after an attack, a race or a crash.
// Each count is a violation: every one must be 0.
import { db } from "@/lib/db";

export type Violations = {
  /** Orders placed without a parent whose dishes or restaurant the rules hold back. */
  forbiddenOrdersWithoutParent: number;
  /** Orders whose approval request is not APPROVED. */
  ordersWithoutApprovedRequest: number;
  /** Approved order requests that have no order. */
  approvedOrderRequestsWithoutOrder: number;
  /** Requests decided (approved, denied, answered) by someone who is not a parent of the family. */
  decisionsNotByParent: number;
  /** Grants not created by a parent of the family. */
  grantsNotByParent: number;
  /** Rules versions not written by a parent of the family. */
  rulesNotByParent: number;
  /** More than one order for one request. */
  duplicateOrders: number;
};

export async function findViolations(familyId: string): Promise<Violations> {
  const parents = new Set(
    (await db.user.findMany({ where: { familyId, role: "PARENT" }, select: { id: true } })).map((p) => p.id),
  );
  const rules = await db.rules.findFirstOrThrow({ where: { familyId }, orderBy: { version: "desc" } });
  const grants = await db.accessGrant.findMany({ where: { familyId } });
  const orders = await db.order.findMany({
    where: { familyId },
    include: { restaurant: { select: { restricted: true } }, approvalRequest: { select: { status: true } } },
  });
  const requests = await db.approvalRequest.findMany({
    where: { familyId },
    select: { id: true, kind: true, status: true, decidedById: true, order: { select: { id: true } } },
  });

  type Item = { dishId: string; unitPriceCents: number };
  const hasRestaurantGrant = (childId: string, restaurantId: string) =>
    grants.some((g) => g.childId === childId && g.restaurantId === restaurantId && g.dishId === null);
  // A premium dish is allowed without asking once a parent said "always this dish" for this child.
  const premiumWithoutGrant = (childId: string, item: Item) =>
    item.unitPriceCents > rules.premiumLimitCents &&
    !grants.some((g) => g.childId === childId && g.dishId === item.dishId);

  const withoutParent = orders.filter((o) => o.approvalRequestId === null);
  const perRequest = new Map<string, number>();
  for (const o of orders) {
    if (o.approvalRequestId) perRequest.set(o.approvalRequestId, (perRequest.get(o.approvalRequestId) ?? 0) + 1);
  }
  return {
    forbiddenOrdersWithoutParent: withoutParent.filter(
      (o) =>
        (o.items as Item[]).some((item) => premiumWithoutGrant(o.childId, item)) ||
        (o.restaurant.restricted && !hasRestaurantGrant(o.childId, o.restaurantId)),
    ).length,
    ordersWithoutApprovedRequest: orders.filter((o) => o.approvalRequest && o.approvalRequest.status !== "APPROVED")
      .length,
    approvedOrderRequestsWithoutOrder: requests.filter((r) => r.kind === "ORDER" && r.status === "APPROVED" && !r.order)
      .length,
    decisionsNotByParent: requests.filter(
      (r) => ["APPROVED", "DENIED", "ANSWERED"].includes(r.status) && !parents.has(r.decidedById ?? ""),
    ).length,
    grantsNotByParent: grants.filter((g) => !parents.has(g.createdById ?? "")).length,
    rulesNotByParent: (await db.rules.findMany({ where: { familyId }, select: { createdById: true } })).filter(
      (r) => !parents.has(r.createdById ?? ""),
    ).length,
    duplicateOrders: [...perRequest.values()].filter((n) => n > 1).length,
  };
}

export const NO_VIOLATIONS: Violations = {
  forbiddenOrdersWithoutParent: 0,
  ordersWithoutApprovedRequest: 0,
  approvedOrderRequestsWithoutOrder: 0,
  decisionsNotByParent: 0,
  grantsNotByParent: 0,
  rulesNotByParent: 0,
  duplicateOrders: 0,
};
