import { describe, expect, it } from "vitest";
import { describeRuleChanges, draftFromValues, type RulesDraft } from "./rules-diff";

const children = [
  { id: "h", name: "Henry" },
  { id: "r", name: "Rose" },
];

const before: RulesDraft = {
  premiumLimitCents: 1000,
  maxPendingPerChild: 5,
  expiryMinutes: 120,
  childBudgets: { r: { dailyCents: 500, weeklyCents: null }, gone: { dailyCents: 100, weeklyCents: null } },
  orderingHours: null,
  outsideHours: "ASK",
  timeZone: "UTC",
  escalationMinutes: null,
  expiryWarningMinutes: 5,
};

const values = {
  premiumLimit: 1000,
  maxPending: 5,
  expiryMinutes: 120,
  budgets: { h: { daily: null, weekly: null }, r: { daily: 500, weekly: null } },
  orderingStart: null,
  orderingEnd: null,
  outsideHours: "ASK" as const,
  timeZone: "UTC",
  escalationMinutes: null,
  expiryWarningMinutes: 5,
};

describe("draftFromValues and describeRuleChanges", () => {
  it("finds no change in the same values, and keeps a removed child's budget", () => {
    const after = draftFromValues(before, values, children);
    expect(after.childBudgets).toEqual(before.childBudgets);
    expect(describeRuleChanges(before, after, children)).toEqual([]);
  });

  it("says every change in the parent's words", () => {
    const after = draftFromValues(
      before,
      {
        premiumLimit: 1500,
        maxPending: 3,
        expiryMinutes: 60,
        budgets: { h: { daily: 2000, weekly: null }, r: { daily: null, weekly: null } },
        orderingStart: "07:00",
        orderingEnd: "19:00",
        outsideHours: "REFUSE",
        timeZone: "Europe/London",
        escalationMinutes: 10,
        expiryWarningMinutes: null,
      },
      children,
    );
    expect(after.childBudgets).toEqual({
      h: { dailyCents: 2000, weeklyCents: null },
      gone: { dailyCents: 100, weeklyCents: null },
    });
    expect(describeRuleChanges(before, after, children)).toEqual([
      "Premium dish limit: $10.00 → $15.00",
      "Most requests waiting per child: 5 → 3",
      "Requests expire after: 120 minutes → 60 minutes",
      "Daily budget for Henry: none → $20.00",
      "Daily budget for Rose: $5.00 → none",
      "Ordering hours: any time → 07:00–19:00",
      "Outside ordering hours: ask a parent → refuse",
      "Time zone: UTC → Europe/London",
      "Tell the other parents after: off → 10 minutes",
      "Warn before expiry: 5 minutes → off",
    ]);
  });

  it("ignores budgets typed for someone who is not a child of the family", () => {
    const after = draftFromValues(
      before,
      { ...values, budgets: { ...values.budgets, stranger: { daily: 100, weekly: null } } },
      children,
    );
    expect(after.childBudgets).not.toHaveProperty("stranger");
  });
});
