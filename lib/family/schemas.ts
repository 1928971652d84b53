// What a parent may type into the /family forms, checked on the server. Pure: no I/O, unit-tested.
import { z } from "zod";
import { formatCents } from "@/lib/money";
import { isValidTime, isValidTimeZone } from "@/lib/policy";
import { parseDollars } from "./money";

export const MAX_PRICE_CENTS = 100_000;
export const MAX_PREMIUM_LIMIT_CENTS = 100_000;
export const MAX_BUDGET_CENTS = 1_000_000;

const text = (message: string) => z.string({ error: message });

/** A restaurant, dish or child name: trimmed, 1–60 characters. */
export const nameField = text("Enter a name.")
  .trim()
  .min(1, "Enter a name.")
  .max(60, "Keep the name to 60 characters or fewer.");

type DollarBounds = { what: string; minCents: number; maxCents: number };

/** Dollars typed as text into cents between the bounds. */
function dollarsField(bounds: DollarBounds) {
  return text(`Enter ${bounds.what} in dollars, like 12.50.`).transform((value, ctx) => {
    const result = dollarsToCents(value, bounds);
    if (typeof result === "string") {
      ctx.addIssue({ code: "custom", message: result });
      return z.NEVER;
    }
    return result;
  });
}

/** The same, where a blank box means "no limit" (null). */
function optionalDollarsField(bounds: DollarBounds) {
  return text(`Enter ${bounds.what} in dollars, or leave it blank.`).transform((value, ctx) => {
    if (value.trim() === "") return null;
    const result = dollarsToCents(value, bounds);
    if (typeof result === "string") {
      ctx.addIssue({ code: "custom", message: result });
      return z.NEVER;
    }
    return result;
  });
}

/** Cents, or the message saying what is wrong. */
function dollarsToCents(value: string, { what, minCents, maxCents }: DollarBounds): number | string {
  const parsed = parseDollars(value);
  if (!parsed.ok) return parsed.error;
  if (parsed.cents < minCents) {
    return minCents === 1
      ? `${capitalize(what)} must be more than $0.00.`
      : `${capitalize(what)} must be at least ${formatCents(minCents)}.`;
  }
  if (parsed.cents > maxCents) return `${capitalize(what)} cannot be more than ${formatCents(maxCents)}.`;
  return parsed.cents;
}

function capitalize(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A whole number typed as text, within bounds. */
/** The same, where a blank box means "off" (null). */
function optionalWholeNumberField(what: string, min: number, max: number) {
  const field = wholeNumberField(what, min, max);
  return text(`Enter ${what}, or leave it blank.`).transform((value, ctx) => {
    if (value.trim() === "") return null;
    const parsed = field.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
      return z.NEVER;
    }
    return parsed.data;
  });
}

function wholeNumberField(what: string, min: number, max: number) {
  return text(`Enter ${what}.`).transform((value, ctx) => {
    const trimmed = value.trim();
    if (!/^\d+$/.test(trimmed)) {
      ctx.addIssue({
        code: "custom",
        message: trimmed.startsWith("-") ? "It cannot be negative." : `Enter ${what} as a whole number.`,
      });
      return z.NEVER;
    }
    const number = Number(trimmed);
    if (number < min || number > max) {
      ctx.addIssue({ code: "custom", message: `Choose a number from ${min} to ${max.toLocaleString("en-US")}.` });
      return z.NEVER;
    }
    return number;
  });
}

export const priceField = dollarsField({ what: "a price", minCents: 1, maxCents: MAX_PRICE_CENTS });

export const restaurantSchema = z.object({ name: nameField, restricted: z.boolean() });
export type RestaurantInput = z.input<typeof restaurantSchema>;

export const dishSchema = z.object({ name: nameField, price: priceField });
export type DishInput = z.input<typeof dishSchema>;

/** Children sign in with this; sign-in lowercases what is typed, so it is stored lowercase. */
export const usernameField = text("Enter a username.")
  .trim()
  .toLowerCase()
  .min(3, "A username has at least 3 characters.")
  .max(30, "A username has at most 30 characters.")
  .regex(/^[a-z0-9._-]+$/, "Use only letters, digits, dots, dashes and underscores.");

/** All digits: a PIN of 4–8 digits; anything else: a password of at least 8 characters. Never trimmed. */
export const secretField = text("Enter a password or PIN.").check((ctx) => {
  const value = ctx.value;
  if (value === "") {
    ctx.issues.push({ code: "custom", input: value, message: "Enter a password or PIN." });
  } else if (/^\d+$/.test(value)) {
    if (value.length < 4 || value.length > 8) {
      ctx.issues.push({ code: "custom", input: value, message: "A PIN has 4 to 8 digits." });
    }
  } else if (value.length < 8) {
    ctx.issues.push({
      code: "custom",
      input: value,
      message: "A password has at least 8 characters (or use a PIN of 4–8 digits).",
    });
  } else if (value.length > 200) {
    ctx.issues.push({ code: "custom", input: value, message: "A password has at most 200 characters." });
  }
});

export const childSchema = z.object({ name: nameField, username: usernameField, secret: secretField });
export type ChildInput = z.input<typeof childSchema>;

const budgetField = (what: string) => optionalDollarsField({ what, minCents: 0, maxCents: MAX_BUDGET_CENTS });

const timeField = text("Enter a time.").transform((value, ctx) => {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (!isValidTime(trimmed)) {
    ctx.addIssue({ code: "custom", message: "Enter a time as HH:MM, like 07:30." });
    return z.NEVER;
  }
  return trimmed;
});

export const rulesSchema = z
  .object({
    premiumLimit: dollarsField({ what: "the premium dish limit", minCents: 1, maxCents: MAX_PREMIUM_LIMIT_CENTS }),
    maxPending: wholeNumberField("a number of requests", 1, 50),
    expiryMinutes: wholeNumberField("a number of minutes", 5, 10_080),
    budgets: z.record(
      z.string(),
      z.object({ daily: budgetField("a daily budget"), weekly: budgetField("a weekly budget") }),
    ),
    orderingStart: timeField,
    orderingEnd: timeField,
    outsideHours: z.enum(["ASK", "REFUSE"], { error: "Choose what happens outside ordering hours." }),
    timeZone: text("Choose a time zone.").refine(isValidTimeZone, "Choose a time zone from the list."),
    escalationMinutes: optionalWholeNumberField("a number of minutes", 1, 1440),
    expiryWarningMinutes: optionalWholeNumberField("a number of minutes", 1, 1440),
  })
  // Checked even when another field failed, so the parent sees every problem at once.
  .superRefine(
    (rules, ctx) => {
      for (const [childId, budget] of Object.entries(rules.budgets ?? {})) {
        const { daily, weekly } = (budget ?? {}) as { daily?: unknown; weekly?: unknown };
        if (typeof daily === "number" && typeof weekly === "number" && weekly < daily) {
          ctx.addIssue({
            code: "custom",
            path: ["budgets", childId, "weekly"],
            message: "The weekly budget cannot be smaller than the daily budget.",
          });
        }
      }
      const { expiryMinutes, expiryWarningMinutes } = rules;
      if (typeof expiryMinutes === "number" && typeof expiryWarningMinutes === "number") {
        if (expiryWarningMinutes >= expiryMinutes) {
          ctx.addIssue({
            code: "custom",
            path: ["expiryWarningMinutes"],
            message: "Warn before the request expires: use fewer minutes than the expiry time.",
          });
        }
      }
      const { orderingStart: start, orderingEnd: end } = rules;
      // A field that failed has its own message already (its value is not a time or null then).
      const isTimeOrBlank = (value: unknown) => value === null || typeof value === "string";
      if (!isTimeOrBlank(start) || !isTimeOrBlank(end)) return;
      if (start !== null && end === null) {
        ctx.addIssue({
          code: "custom",
          path: ["orderingEnd"],
          message: "Enter an end time too, or clear both for any time.",
        });
      }
      if (start === null && end !== null) {
        ctx.addIssue({
          code: "custom",
          path: ["orderingStart"],
          message: "Enter a start time too, or clear both for any time.",
        });
      }
      if (start !== null && start === end) {
        ctx.addIssue({
          code: "custom",
          path: ["orderingEnd"],
          message: "Start and end must differ (clear both for any time).",
        });
      }
    },
    { when: () => true },
  );
/** What the form sends: text as typed (the radio's value too, which the schema checks). */
export type RulesInput = Omit<z.input<typeof rulesSchema>, "outsideHours"> & { outsideHours: string };
export type RulesValues = z.output<typeof rulesSchema>;

/** Field name (the issue's path joined with dots, as the forms name their inputs) → its first message. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
