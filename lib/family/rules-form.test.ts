import { describe, expect, it } from "vitest";
import type { FamilyRules } from "@/lib/policy";
import { rulesInputFromForm } from "./rules-form";
import { rulesFormValues } from "./rules-values";
import { rulesSchema } from "./schemas";

const rules: FamilyRules = {
  version: 3,
  premiumLimitCents: 1000,
  maxPendingPerChild: 5,
  expiryMinutes: 120,
  childBudgets: { h: { dailyCents: 2000, weeklyCents: null } },
  orderingHours: { start: "07:00", end: "19:30" },
  outsideHours: "REFUSE",
  timeZone: "Europe/London",
  escalationMinutes: 15,
  expiryWarningMinutes: null,
};

describe("the rules form round trip", () => {
  it("shows the rules as text and reads the same text back into the same rules", () => {
    const values = rulesFormValues(rules, [{ id: "h" }, { id: "r" }]);
    expect(values).toEqual({
      premiumLimit: "10.00",
      maxPending: "5",
      expiryMinutes: "120",
      orderingStart: "07:00",
      orderingEnd: "19:30",
      outsideHours: "REFUSE",
      timeZone: "Europe/London",
      escalationMinutes: "15",
      expiryWarningMinutes: "",
      "budgets.h.daily": "20.00",
      "budgets.h.weekly": "",
      "budgets.r.daily": "",
      "budgets.r.weekly": "",
    });
    const formData = new FormData();
    for (const [key, value] of Object.entries(values)) formData.set(key, value);
    formData.set("budgets.bad", "ignored");
    const { input } = rulesInputFromForm(formData);
    expect(input.budgets).toEqual({ h: { daily: "20.00", weekly: "" }, r: { daily: "", weekly: "" } });
    expect(rulesSchema.parse(input)).toMatchObject({
      premiumLimit: 1000,
      budgets: { h: { daily: 2000, weekly: null } },
      orderingStart: "07:00",
      orderingEnd: "19:30",
      outsideHours: "REFUSE",
      escalationMinutes: 15,
      expiryWarningMinutes: null,
    });
  });

  it("a missing field reads as blank, which the schema then refuses", () => {
    const { input } = rulesInputFromForm(new FormData());
    expect(input.premiumLimit).toBe("");
    expect(rulesSchema.safeParse(input).success).toBe(false);
  });
});
