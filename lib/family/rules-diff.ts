// A rules change in the parent's words ("Premium dish limit: $10.00 → $15.00"), for the audit trail and the
// toast. Pure.
import { formatCents } from "@/lib/money";
import { budgetOf, type ChildBudget, type FamilyRules, type OrderingHours, type OutsideHours } from "@/lib/policy";
import type { RulesValues } from "./schemas";

/** The rules without their version: what a parent edits. */
export type RulesDraft = Omit<FamilyRules, "version">;

type Child = { id: string; name: string };

/** The new rules from the form: budgets of the listed children replace theirs; others (removed children) stay. */
export function draftFromValues(current: RulesDraft, values: RulesValues, children: Child[]): RulesDraft {
  const childBudgets: Record<string, ChildBudget> = { ...current.childBudgets };
  for (const child of children) {
    const typed = values.budgets[child.id];
    if (!typed) continue;
    if (typed.daily === null && typed.weekly === null) delete childBudgets[child.id];
    else childBudgets[child.id] = { dailyCents: typed.daily, weeklyCents: typed.weekly };
  }
  return {
    premiumLimitCents: values.premiumLimit,
    maxPendingPerChild: values.maxPending,
    expiryMinutes: values.expiryMinutes,
    childBudgets,
    orderingHours:
      values.orderingStart && values.orderingEnd ? { start: values.orderingStart, end: values.orderingEnd } : null,
    outsideHours: values.outsideHours,
    timeZone: values.timeZone,
    escalationMinutes: values.escalationMinutes,
    expiryWarningMinutes: values.expiryWarningMinutes,
  };
}

const money = (cents: number | null) => (cents === null ? "none" : formatCents(cents));
const hours = (value: OrderingHours | null) => (value ? `${value.start}–${value.end}` : "any time");
const outside = (value: OutsideHours) => (value === "REFUSE" ? "refuse" : "ask a parent");
const minutes = (value: number) => `${value} minutes`;
const minutesOrOff = (value: number | null) => (value === null ? "off" : minutes(value));

/** Every difference, one line each; an empty list means nothing changed. */
export function describeRuleChanges(before: RulesDraft, after: RulesDraft, children: Child[]): string[] {
  const changes: string[] = [];
  const line = <T>(label: string, a: T, b: T, show: (value: T) => string) => {
    const from = show(a);
    const to = show(b);
    if (from !== to) changes.push(`${label}: ${from} → ${to}`);
  };
  line("Premium dish limit", before.premiumLimitCents, after.premiumLimitCents, formatCents);
  line("Most requests waiting per child", before.maxPendingPerChild, after.maxPendingPerChild, String);
  line("Requests expire after", before.expiryMinutes, after.expiryMinutes, minutes);
  for (const child of children) {
    const a = budgetOf(before, child.id);
    const b = budgetOf(after, child.id);
    line(`Daily budget for ${child.name}`, a.dailyCents, b.dailyCents, money);
    line(`Weekly budget for ${child.name}`, a.weeklyCents, b.weeklyCents, money);
  }
  line("Ordering hours", before.orderingHours, after.orderingHours, hours);
  line("Outside ordering hours", before.outsideHours, after.outsideHours, outside);
  line("Time zone", before.timeZone, after.timeZone, String);
  line("Tell the other parents after", before.escalationMinutes, after.escalationMinutes, minutesOrOff);
  line("Warn before expiry", before.expiryWarningMinutes, after.expiryWarningMinutes, minutesOrOff);
  return changes;
}
