// The rules form's fields, named by their path in the schema ("budgets.<childId>.daily"), read from FormData.
import { textOf } from "./form-state";
import type { RulesInput } from "./schemas";

const FLAT = [
  "premiumLimit",
  "maxPending",
  "expiryMinutes",
  "orderingStart",
  "orderingEnd",
  "outsideHours",
  "timeZone",
  "escalationMinutes",
  "expiryWarningMinutes",
] as const;

/** The service's input, and the flat values to show again if something was wrong. */
export function rulesInputFromForm(formData: FormData): { input: RulesInput; values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const key of FLAT) values[key] = textOf(formData, key);
  const budgets: RulesInput["budgets"] = {};
  for (const [key, value] of formData.entries()) {
    const match = /^budgets\.([^.]+)\.(daily|weekly)$/.exec(key);
    if (!match?.[1] || !match[2] || typeof value !== "string") continue;
    values[key] = value;
    const entry = budgets[match[1]] ?? { daily: "", weekly: "" };
    entry[match[2] as "daily" | "weekly"] = value;
    budgets[match[1]] = entry;
  }
  const input: RulesInput = {
    premiumLimit: values.premiumLimit ?? "",
    maxPending: values.maxPending ?? "",
    expiryMinutes: values.expiryMinutes ?? "",
    budgets,
    orderingStart: values.orderingStart ?? "",
    orderingEnd: values.orderingEnd ?? "",
    outsideHours: values.outsideHours ?? "",
    timeZone: values.timeZone ?? "",
    escalationMinutes: values.escalationMinutes ?? "",
    expiryWarningMinutes: values.expiryWarningMinutes ?? "",
  };
  return { input, values };
}
