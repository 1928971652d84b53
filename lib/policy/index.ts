export { isValidTime, isValidTimeZone, isWithinHours, spendingWindows } from "./clock";
export {
  budgetOf,
  evaluateAccessRequest,
  evaluateExecution,
  evaluateOrder,
  evaluateQuestion,
  isPremium,
  remainingBudget,
  restaurantAccess,
} from "./evaluate";
export { explainReason, explainReasons } from "./explain";
export type {
  ChildBudget,
  DecisionScope,
  FamilyRules,
  GrantScope,
  OrderingHours,
  OutsideHours,
  PolicyLine,
  PolicyRestaurant,
  Reason,
  Spending,
  Verdict,
} from "./types";
export { NO_BUDGET } from "./types";
