// What needs a parent, decided from facts in the database and the family's rules. Pure: no I/O.
import type { RestaurantAccess } from "@/lib/ai/tools/contracts";
import { isWithinHours } from "./clock";
import {
  type ChildBudget,
  type FamilyRules,
  type GrantScope,
  NO_BUDGET,
  type PolicyLine,
  type PolicyRestaurant,
  type Reason,
  type Spending,
  type Verdict,
} from "./types";

const allow: Verdict = { verdict: "allow", reasons: [] };

/** How a child stands with a restaurant, given the grants that are still usable. */
export function restaurantAccess(restaurant: { restricted: boolean }, grants: GrantScope[]): RestaurantAccess {
  if (!restaurant.restricted) return "open";
  return grants.length > 0 ? "granted" : "needs-permission";
}

export function isPremium(priceCents: number, rules: Pick<FamilyRules, "premiumLimitCents">): boolean {
  return priceCents > rules.premiumLimitCents;
}

export function budgetOf(rules: Pick<FamilyRules, "childBudgets">, childId: string): ChildBudget {
  return rules.childBudgets[childId] ?? NO_BUDGET;
}

/** What the child may still spend today: the smaller of what is left of the daily and weekly budgets. */
export function remainingBudget(rules: FamilyRules, childId: string, spending: Spending): number | null {
  const budget = budgetOf(rules, childId);
  const left = [
    budget.dailyCents === null ? null : budget.dailyCents - spending.todayCents,
    budget.weeklyCents === null ? null : budget.weeklyCents - spending.weekCents,
  ].filter((cents): cents is number => cents !== null);
  return left.length === 0 ? null : Math.max(0, Math.min(...left));
}

type OrderFacts = {
  rules: FamilyRules;
  childId: string;
  restaurant: PolicyRestaurant;
  access: RestaurantAccess;
  lines: PolicyLine[];
  /** The child's requests that are still waiting for a parent. */
  pendingCount: number;
  spending: Spending;
  now: Date;
  /** Dishes a parent has always allowed for this child: the premium rule does not fire for them. */
  allowedDishIds?: ReadonlySet<string>;
};

/** Every rule that fires for an order. Hard refusals win; otherwise any reason means a parent decides. */
export function evaluateOrder(facts: OrderFacts): Verdict {
  const { rules, restaurant, access, lines, pendingCount, now } = facts;
  const unavailable = unavailableReasons(restaurant, lines);
  if (unavailable.length > 0) return { verdict: "refuse", reasons: unavailable };

  const hours = rules.orderingHours;
  const outside: Reason[] =
    hours && !isWithinHours(now, hours, rules.timeZone)
      ? [{ code: "OUTSIDE_HOURS", start: hours.start, end: hours.end, timeZone: rules.timeZone }]
      : [];
  if (outside.length > 0 && rules.outsideHours === "REFUSE") return { verdict: "refuse", reasons: outside };

  const reasons: Reason[] = [];
  if (access === "needs-permission") reasons.push({ code: "RESTAURANT_RESTRICTED", restaurant: restaurant.name });
  for (const line of lines) {
    if (isPremium(line.unitPriceCents, rules) && !(line.dishId && facts.allowedDishIds?.has(line.dishId))) {
      reasons.push({
        code: "DISH_PREMIUM",
        dish: line.name,
        priceCents: line.unitPriceCents,
        limitCents: rules.premiumLimitCents,
      });
    }
  }
  reasons.push(...budgetReasons(facts), ...outside);
  if (reasons.length === 0) return allow;
  return withPendingCap(reasons, pendingCount, rules);
}

function budgetReasons({ rules, childId, lines, spending }: OrderFacts): Reason[] {
  const budget = budgetOf(rules, childId);
  const orderCents = lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
  const reasons: Reason[] = [];
  if (budget.dailyCents !== null && spending.todayCents + orderCents > budget.dailyCents) {
    reasons.push({ code: "BUDGET_DAILY", limitCents: budget.dailyCents, spentCents: spending.todayCents, orderCents });
  }
  if (budget.weeklyCents !== null && spending.weekCents + orderCents > budget.weeklyCents) {
    reasons.push({ code: "BUDGET_WEEKLY", limitCents: budget.weeklyCents, spentCents: spending.weekCents, orderCents });
  }
  return reasons;
}

type AccessFacts = { rules: FamilyRules; restaurant: PolicyRestaurant; access: RestaurantAccess; pendingCount: number };

/** Asking to use a restaurant: nothing to ask when it is open or already granted. */
export function evaluateAccessRequest({ rules, restaurant, access, pendingCount }: AccessFacts): Verdict {
  const unavailable = unavailableReasons(restaurant, []);
  if (unavailable.length > 0) return { verdict: "refuse", reasons: unavailable };
  if (access !== "needs-permission") return allow;
  return withPendingCap([{ code: "RESTAURANT_RESTRICTED", restaurant: restaurant.name }], pendingCount, rules);
}

/** The agent asking the parents a question (human as a tool): always a parent's, within the pending cap. */
export function evaluateQuestion({ rules, pendingCount }: { rules: FamilyRules; pendingCount: number }): Verdict {
  return withPendingCap([{ code: "QUESTION_FOR_PARENT" }], pendingCount, rules);
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
