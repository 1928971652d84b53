// What needs a parent, decided from facts in the database and the family's rules. Pure: no I/O.
import type { RestaurantAccess } from "@/lib/ai/tools/contracts";
import type { FamilyRules, GrantScope, PolicyLine, PolicyRestaurant, Reason, Verdict } from "./types";

const allow: Verdict = { verdict: "allow", reasons: [] };

/** How a child stands with a restaurant, given the grants that are still usable. */
export function restaurantAccess(restaurant: { restricted: boolean }, grants: GrantScope[]): RestaurantAccess {
  if (!restaurant.restricted) return "open";
  return grants.length > 0 ? "granted" : "needs-permission";
}

export function isPremium(priceCents: number, rules: Pick<FamilyRules, "premiumLimitCents">): boolean {
  return priceCents > rules.premiumLimitCents;
}

type OrderFacts = {
  rules: FamilyRules;
  restaurant: PolicyRestaurant;
  access: RestaurantAccess;
  lines: PolicyLine[];
  /** The child's requests that are still waiting for a parent. */
  pendingCount: number;
};

/** Every rule that fires for an order. Hard refusals win; otherwise any reason means a parent decides. */
export function evaluateOrder({ rules, restaurant, access, lines, pendingCount }: OrderFacts): Verdict {
  const unavailable = unavailableReasons(restaurant, lines);
  if (unavailable.length > 0) return { verdict: "refuse", reasons: unavailable };

  const reasons: Reason[] = [];
  if (access === "needs-permission") reasons.push({ code: "RESTAURANT_RESTRICTED", restaurant: restaurant.name });
  for (const line of lines) {
    if (isPremium(line.unitPriceCents, rules)) {
      reasons.push({
        code: "DISH_PREMIUM",
        dish: line.name,
        priceCents: line.unitPriceCents,
        limitCents: rules.premiumLimitCents,
      });
    }
  }
  if (reasons.length === 0) return allow;
  return withPendingCap(reasons, pendingCount, rules);
}

type AccessFacts = { rules: FamilyRules; restaurant: PolicyRestaurant; access: RestaurantAccess; pendingCount: number };

/** Asking to use a restaurant: nothing to ask when it is open or already granted. */
export function evaluateAccessRequest({ rules, restaurant, access, pendingCount }: AccessFacts): Verdict {
  const unavailable = unavailableReasons(restaurant, []);
  if (unavailable.length > 0) return { verdict: "refuse", reasons: unavailable };
  if (access !== "needs-permission") return allow;
  return withPendingCap([{ code: "RESTAURANT_RESTRICTED", restaurant: restaurant.name }], pendingCount, rules);
}

/**
 * Hard rules re-checked when a parent approves (the world may have changed since the request):
 * a removed restaurant or dish cannot be ordered, whatever was approved.
 */
export function evaluateExecution(restaurant: PolicyRestaurant, lines: PolicyLine[]): Verdict {
  const reasons = unavailableReasons(restaurant, lines);
  return reasons.length > 0 ? { verdict: "refuse", reasons } : allow;
}

function unavailableReasons(restaurant: PolicyRestaurant, lines: PolicyLine[]): Reason[] {
  if (restaurant.archived) return [{ code: "RESTAURANT_UNAVAILABLE", restaurant: restaurant.name }];
  return lines.filter((line) => line.archived).map((line) => ({ code: "DISH_UNAVAILABLE", dish: line.name }));
}

function withPendingCap(reasons: Reason[], pendingCount: number, rules: FamilyRules): Verdict {
  if (pendingCount >= rules.maxPendingPerChild) {
    return { verdict: "refuse", reasons: [{ code: "PENDING_CAP", max: rules.maxPendingPerChild }] };
  }
  return { verdict: "needs-parent", reasons };
}
