// Rule codes with their parameters. Stored on each request as JSON; turned into words by explain.ts.
export type Reason =
  | { code: "DISH_PREMIUM"; dish: string; priceCents: number; limitCents: number }
  | { code: "RESTAURANT_RESTRICTED"; restaurant: string }
  | { code: "BUDGET_DAILY"; limitCents: number; spentCents: number; orderCents: number }
  | { code: "BUDGET_WEEKLY"; limitCents: number; spentCents: number; orderCents: number }
  | { code: "OUTSIDE_HOURS"; start: string; end: string; timeZone: string }
  | { code: "QUESTION_FOR_PARENT" }
  | { code: "PENDING_CAP"; max: number }
  | { code: "RESTAURANT_UNAVAILABLE"; restaurant: string }
  | { code: "DISH_UNAVAILABLE"; dish: string };

/** Money limits for one child; null means no limit. */
export type ChildBudget = { dailyCents: number | null; weeklyCents: number | null };

export const NO_BUDGET: ChildBudget = { dailyCents: null, weeklyCents: null };

/** "HH:MM" local times in the family's time zone; end is exclusive and may be past midnight. */
export type OrderingHours = { start: string; end: string };

/** What happens to an order outside the ordering hours: a parent decides, or it is refused. */
export type OutsideHours = "ASK" | "REFUSE";

export type FamilyRules = {
  version: number;
  premiumLimitCents: number;
  maxPendingPerChild: number;
  expiryMinutes: number;
  /** Keyed by child id; a child not listed has no budget. */
  childBudgets: Record<string, ChildBudget>;
  orderingHours: OrderingHours | null;
  outsideHours: OutsideHours;
  /** IANA name, e.g. "Europe/London": days, weeks and ordering hours are the family's local ones. */
  timeZone: string;
  /** Minutes after which the parents not yet told of an undecided request are notified; null = never. */
  escalationMinutes: number | null;
  /** Minutes before expiry when parents are warned; null = no warning. */
  expiryWarningMinutes: number | null;
};

/** A grant row's scope: spent by one order, or standing until revoked. */
export type GrantScope = "ONCE" | "ALWAYS";

/** What a parent chose when approving: this request only, or a standing grant for the restaurant or the dish. */
export type DecisionScope = "ONCE" | "ALWAYS_RESTAURANT" | "ALWAYS_DISH";

export type PolicyRestaurant = { name: string; restricted: boolean; archived: boolean };
export type PolicyLine = {
  /** Present for lines of a real order; a dish grant (always this dish) lifts the premium rule for it. */
  dishId?: string;
  name: string;
  unitPriceCents: number;
  quantity: number;
  archived?: boolean;
};

/** What the child has spent (orders placed) in the family's current local day and week (from Monday). */
export type Spending = { todayCents: number; weekCents: number };

export type Verdict =
  | { verdict: "allow"; reasons: [] }
  | { verdict: "needs-parent"; reasons: Reason[] }
  | { verdict: "refuse"; reasons: Reason[] };
