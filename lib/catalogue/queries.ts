import "server-only";
import { z } from "zod";
import { type Db, db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { FamilyRules, GrantScope } from "@/lib/policy";

const storedBudgets = z.record(
  z.string(),
  z.object({ dailyCents: z.number().int().nullable(), weeklyCents: z.number().int().nullable() }),
);

// A restaurant with its menu, cheapest dish first; removed (archived) ones never show.
const menuSelect = {
  id: true,
  name: true,
  restricted: true,
  dishes: {
    where: { archived: false },
    orderBy: { priceCents: "asc" },
    select: { id: true, name: true, priceCents: true },
  },
} as const;

export async function getCatalogue({ familyId }: { familyId: string }) {
  return db.restaurant.findMany({ where: { familyId, archived: false }, orderBy: { name: "asc" }, select: menuSelect });
}

export type CatalogueRestaurant = Awaited<ReturnType<typeof getCatalogue>>[number];

export async function getFamilyRules({ familyId }: { familyId: string }, client: Db | Tx = db): Promise<FamilyRules> {
  const rules = await client.rules.findFirst({ where: { familyId }, orderBy: { version: "desc" } });
  if (!rules) throw new AppError("not_found:rules", "This family has no rules yet.");
  return {
    version: rules.version,
    premiumLimitCents: rules.premiumLimitCents,
    maxPendingPerChild: rules.maxPendingPerChild,
    expiryMinutes: rules.expiryMinutes,
    childBudgets: storedBudgets.parse(rules.childBudgets),
    orderingHours:
      rules.orderingStart && rules.orderingEnd ? { start: rules.orderingStart, end: rules.orderingEnd } : null,
    outsideHours: rules.outsideHours === "REFUSE" ? "REFUSE" : "ASK",
    timeZone: rules.timeZone,
    escalationMinutes: rules.escalationMinutes,
    expiryWarningMinutes: rules.expiryWarningMinutes,
  };
}

/** A restaurant grant a child can still use: not revoked, and a once-only grant not yet spent. */
export const USABLE_RESTAURANT_GRANT = { dishId: null, revokedAt: null, usedAt: null } as const;

/** Restaurant grants a child can still use. */
export async function getUsableGrants(
  { childId, restaurantId }: { childId: string; restaurantId?: string },
  client: Db | Tx = db,
): Promise<Array<{ id: string; restaurantId: string; scope: GrantScope }>> {
  const grants = await client.accessGrant.findMany({
    where: { childId, ...USABLE_RESTAURANT_GRANT, ...(restaurantId ? { restaurantId } : {}) },
    orderBy: { createdAt: "asc" },
    select: { id: true, restaurantId: true, scope: true },
  });
  return grants.map((g) => ({ ...g, scope: g.scope as GrantScope }));
}

export async function countPendingRequests({ childId }: { childId: string }, client: Db | Tx = db): Promise<number> {
  return client.approvalRequest.count({ where: { childId, status: "PENDING" } });
}

/** Dishes a parent has always allowed for this child (standing dish grants, not revoked). */
export async function getAllowedDishIds({ childId }: { childId: string }, client: Db | Tx = db): Promise<Set<string>> {
  const grants = await client.accessGrant.findMany({
    where: { childId, dishId: { not: null }, scope: "ALWAYS", revokedAt: null },
    select: { dishId: true },
  });
  return new Set(grants.flatMap((g) => (g.dishId ? [g.dishId] : [])));
}
