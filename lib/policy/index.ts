export { evaluateAccessRequest, evaluateExecution, evaluateOrder, isPremium, restaurantAccess } from "./evaluate";
export { explainReason, explainReasons } from "./explain";
export type { FamilyRules, GrantScope, PolicyLine, PolicyRestaurant, Reason, ReasonCode, Verdict } from "./types";
