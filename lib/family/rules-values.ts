// The current rules as the text a parent sees in the form ("10.00", "" for no limit). Pure.
import { budgetOf, type FamilyRules } from "@/lib/policy";
import { centsToDollarsInput } from "./money";

const dollarsOrBlank = (cents: number | null) => (cents === null ? "" : centsToDollarsInput(cents));

export function rulesFormValues(rules: FamilyRules, children: Array<{ id: string }>): Record<string, string> {
  const values: Record<string, string> = {
    premiumLimit: centsToDollarsInput(rules.premiumLimitCents),
    maxPending: String(rules.maxPendingPerChild),
    expiryMinutes: String(rules.expiryMinutes),
    orderingStart: rules.orderingHours?.start ?? "",
    orderingEnd: rules.orderingHours?.end ?? "",
    outsideHours: rules.outsideHours,
    timeZone: rules.timeZone,
    escalationMinutes: rules.escalationMinutes === null ? "" : String(rules.escalationMinutes),
    expiryWarningMinutes: rules.expiryWarningMinutes === null ? "" : String(rules.expiryWarningMinutes),
  };
  for (const child of children) {
    const budget = budgetOf(rules, child.id);
    values[`budgets.${child.id}.daily`] = dollarsOrBlank(budget.dailyCents);
    values[`budgets.${child.id}.weekly`] = dollarsOrBlank(budget.weeklyCents);
  }
  return values;
}

/** The zones to choose from, with the family's current one even if this runtime does not list it. */
export function timeZoneChoices(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes(current) ? zones : [current, ...zones];
}
