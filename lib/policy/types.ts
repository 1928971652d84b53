// Rule codes with their parameters. Stored on each request as JSON; turned into words by explain.ts.
export type Reason =
  | { code: "DISH_PREMIUM"; dish: string; priceCents: number; limitCents: number }
  | { code: "RESTAURANT_RESTRICTED"; restaurant: string }
  | { code: "PENDING_CAP"; max: number }
  | { code: "RESTAURANT_UNAVAILABLE"; restaurant: string }
  | { code: "DISH_UNAVAILABLE"; dish: string };

export type FamilyRules = {
  version: number;
  premiumLimitCents: number;
  maxPendingPerChild: number;
  expiryMinutes: number;
};

export type GrantScope = "ONCE" | "ALWAYS";

export type PolicyRestaurant = { name: string; restricted: boolean; archived: boolean };
export type PolicyLine = { name: string; unitPriceCents: number; quantity: number; archived?: boolean };

export type Verdict =
  | { verdict: "allow"; reasons: [] }
  | { verdict: "needs-parent"; reasons: Reason[] }
  | { verdict: "refuse"; reasons: Reason[] };
