// Which "allow" choices a parent is offered for a request. Pure: the inbox shows these, and decide() refuses others.
import type { DecisionScope, Reason } from "@/lib/policy";

export const DECISION_SCOPES = ["ONCE", "ALWAYS_RESTAURANT", "ALWAYS_DISH"] as const satisfies readonly DecisionScope[];

export function isDecisionScope(value: unknown): value is DecisionScope {
  return typeof value === "string" && (DECISION_SCOPES as readonly string[]).includes(value);
}

/**
 * "Always this restaurant" lifts a restriction, so it is offered when the restriction is why a parent is asked;
 * "Always this dish" lifts the premium rule, so it is offered when a premium dish is why. Once is always offered.
 */
export function offeredScopes(kind: string, reasons: ReadonlyArray<Pick<Reason, "code">>): DecisionScope[] {
  if (kind === "RESTAURANT_ACCESS") return ["ONCE", "ALWAYS_RESTAURANT"];
  if (kind !== "ORDER") return [];
  const scopes: DecisionScope[] = ["ONCE"];
  if (reasons.some((r) => r.code === "RESTAURANT_RESTRICTED")) scopes.push("ALWAYS_RESTAURANT");
  if (reasons.some((r) => r.code === "DISH_PREMIUM")) scopes.push("ALWAYS_DISH");
  return scopes;
}

/** The words a parent sees for each choice (also the accessible names of the radio buttons). */
export const SCOPE_LABELS: Record<DecisionScope, string> = {
  ONCE: "Once",
  ALWAYS_RESTAURANT: "Always this restaurant",
  ALWAYS_DISH: "Always this dish",
};

/** How a decided card says what was allowed. */
export const SCOPE_SUMMARY: Record<DecisionScope, string> = {
  ONCE: "allowed once",
  ALWAYS_RESTAURANT: "always allowed: this restaurant",
  ALWAYS_DISH: "always allowed: this dish",
};
