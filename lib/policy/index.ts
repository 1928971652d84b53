export { evaluateAccessRequest, evaluateExecution, evaluateOrder, isPremium, restaurantAccess } from "./evaluate";
export { explainReason, explainReasons } from "./explain";
export type { FamilyRules, GrantScope, PolicyLine, PolicyRestaurant, Reason, Verdict } from "./types";
