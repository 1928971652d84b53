import { describe, expect, it } from "vitest";
import { centsToDollarsInput, parseDollars } from "./money";
import { childSchema, dishSchema, fieldErrorsOf, type RulesInput, restaurantSchema, rulesSchema } from "./schemas";

describe("parseDollars", () => {
  it.each([
    ["12.50", 1250],
    ["12.5", 1250],
    ["12", 1200],
    ["12.", 1200],
    ["0.01", 1],
    [" $7.99 ", 799],
    ["1,000", 100_000],
    ["1,000.00", 100_000],
    ["0", 0],
  ])("reads %j as %i cents", (text, cents) => {
    expect(parseDollars(text)).toEqual({ ok: true, cents });
  });

  it.each([
    ["", "Enter an amount"],
    ["   ", "Enter an amount"],
    ["-5", "cannot be negative"],
    ["$-5", "cannot be negative"],
    ["12.505", "at most 2 decimals"],
    ["abc", "Enter an amount"],
    ["1e3", "Enter an amount"],
    ["12,50", "Enter an amount"],
    ["1.2.3", "Enter an amount"],
    ["9999999999", "far too large"],
  ])("refuses %j with a clear message", (text, message) => {
    const result = parseDollars(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it("writes cents back as dollars for a form", () => {
    expect(centsToDollarsInput(1250)).toBe("12.50");
    expect(centsToDollarsInput(5)).toBe("0.05");
  });
});

function errorsOf(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: unknown) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return {};
  return fieldErrorsOf(parsed.error as Parameters<typeof fieldErrorsOf>[0]);
}

describe("dish and restaurant forms", () => {
  it("trims names and turns the price into cents", () => {
    expect(dishSchema.parse({ name: "  Tacos  ", price: "4.99" })).toEqual({ name: "Tacos", price: 499 });
    expect(restaurantSchema.parse({ name: " Noodle Bar ", restricted: true })).toEqual({
      name: "Noodle Bar",
      restricted: true,
    });
  });

  it.each([
    [{ name: "", price: "1" }, "name", "Enter a name."],
    [{ name: "   ", price: "1" }, "name", "Enter a name."],
    [{ name: "x".repeat(61), price: "1" }, "name", "60 characters"],
    [{ name: "Soup", price: "" }, "price", "Enter an amount"],
    [{ name: "Soup", price: "0" }, "price", "more than $0.00"],
    [{ name: "Soup", price: "-3" }, "price", "cannot be negative"],
    [{ name: "Soup", price: "1000.01" }, "price", "cannot be more than $1,000.00"],
    [{ name: "Soup", price: "3.999" }, "price", "at most 2 decimals"],
  ])("refuses %j on the %s field", (value, field, message) => {
    expect(errorsOf(dishSchema, value)[field]).toContain(message);
  });

  it("accepts exactly $1,000", () => {
    expect(dishSchema.parse({ name: "Feast", price: "1000" }).price).toBe(100_000);
  });
});

describe("child form", () => {
  const ok = { name: "Sam", username: "sam_01", secret: "1234" };

  it("lowercases the username and keeps the secret as typed", () => {
    expect(childSchema.parse({ ...ok, username: " Sam.K-1 ", secret: "correct horse " })).toEqual({
      name: "Sam",
      username: "sam.k-1",
      secret: "correct horse ",
    });
  });

  it.each([
    [{ username: "ab" }, "username", "at least 3"],
    [{ username: "a".repeat(31) }, "username", "at most 30"],
    [{ username: "sam smith" }, "username", "Use only letters"],
    [{ username: "sam@home" }, "username", "Use only letters"],
    [{ secret: "" }, "secret", "Enter a password or PIN"],
    [{ secret: "123" }, "secret", "4 to 8 digits"],
    [{ secret: "123456789" }, "secret", "4 to 8 digits"],
    [{ secret: "short" }, "secret", "at least 8 characters"],
    [{ secret: "x".repeat(201) }, "secret", "at most 200"],
  ])("refuses %j", (change, field, message) => {
    expect(errorsOf(childSchema, { ...ok, ...change })[field]).toContain(message);
  });

  it.each(["1234", "12345678", "longenough", "pass word!"])("accepts the secret %j", (secret) => {
    expect(childSchema.safeParse({ ...ok, secret }).success).toBe(true);
  });
});

describe("rules form", () => {
  const base: RulesInput = {
    premiumLimit: "10.00",
    maxPending: "5",
    expiryMinutes: "120",
    budgets: { henry: { daily: "", weekly: "50" } },
    orderingStart: "",
    orderingEnd: "",
    outsideHours: "ASK",
    timeZone: "Europe/London",
    escalationMinutes: "",
    expiryWarningMinutes: "5",
  };

  it("reads a valid form into cents, numbers and nulls", () => {
    expect(rulesSchema.parse(base)).toEqual({
      premiumLimit: 1000,
      maxPending: 5,
      expiryMinutes: 120,
      budgets: { henry: { daily: null, weekly: 5000 } },
      orderingStart: null,
      orderingEnd: null,
      outsideHours: "ASK",
      timeZone: "Europe/London",
      escalationMinutes: null,
      expiryWarningMinutes: 5,
    });
    expect(rulesSchema.parse({ ...base, orderingStart: "22:00", orderingEnd: "06:30" })).toMatchObject({
      orderingStart: "22:00",
      orderingEnd: "06:30",
    });
  });

  it.each([
    [{ premiumLimit: "0" }, "premiumLimit", "more than $0.00"],
    [{ premiumLimit: "1000.01" }, "premiumLimit", "cannot be more than $1,000.00"],
    [{ maxPending: "0" }, "maxPending", "from 1 to 50"],
    [{ maxPending: "51" }, "maxPending", "from 1 to 50"],
    [{ maxPending: "2.5" }, "maxPending", "whole number"],
    [{ escalationMinutes: "0" }, "escalationMinutes", "from 1 to 1,440"],
    [{ escalationMinutes: "ten" }, "escalationMinutes", "whole number"],
    [{ expiryWarningMinutes: "120" }, "expiryWarningMinutes", "fewer minutes than the expiry time"],
    [{ maxPending: "-1" }, "maxPending", "cannot be negative"],
    [{ expiryMinutes: "4" }, "expiryMinutes", "from 5 to 10,080"],
    [{ expiryMinutes: "10081" }, "expiryMinutes", "from 5 to 10,080"],
    [{ budgets: { henry: { daily: "-1", weekly: "" } } }, "budgets.henry.daily", "cannot be negative"],
    [{ budgets: { henry: { daily: "", weekly: "10000.01" } } }, "budgets.henry.weekly", "$10,000.00"],
    [{ budgets: { henry: { daily: "20", weekly: "10" } } }, "budgets.henry.weekly", "smaller than the daily"],
    [{ orderingStart: "07:00" }, "orderingEnd", "end time too"],
    [{ orderingEnd: "19:00" }, "orderingStart", "start time too"],
    [{ orderingStart: "24:00", orderingEnd: "19:00" }, "orderingStart", "HH:MM"],
    [{ orderingStart: "7:00", orderingEnd: "19:00" }, "orderingStart", "HH:MM"],
    [{ orderingStart: "08:00", orderingEnd: "08:00" }, "orderingEnd", "must differ"],
    [{ outsideHours: "MAYBE" }, "outsideHours", "Choose what happens"],
    [{ timeZone: "Mars/Olympus" }, "timeZone", "Choose a time zone"],
  ])("refuses %j on %s", (change, field, message) => {
    expect(errorsOf(rulesSchema, { ...base, ...change })[field]).toContain(message);
  });

  it("allows a weekly budget equal to the daily one, and a $0 budget", () => {
    expect(rulesSchema.safeParse({ ...base, budgets: { henry: { daily: "20", weekly: "20" } } }).success).toBe(true);
    expect(rulesSchema.parse({ ...base, budgets: { henry: { daily: "0", weekly: "" } } }).budgets.henry?.daily).toBe(0);
  });
});

describe("rules form: every problem at once", () => {
  it("reports the weekly-below-daily budget and the hours even when another field failed", () => {
    const parsed = rulesSchema.safeParse({
      premiumLimit: "-1",
      maxPending: "5",
      expiryMinutes: "120",
      budgets: { henry: { daily: "20", weekly: "5" } },
      orderingStart: "08:00",
      orderingEnd: "",
      outsideHours: "ASK",
      timeZone: "UTC",
      escalationMinutes: "",
      expiryWarningMinutes: "",
    });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(Object.keys(fieldErrorsOf(parsed.error)).sort()).toEqual([
        "budgets.henry.weekly",
        "orderingEnd",
        "premiumLimit",
      ]);
    }
  });

  it("does not add a second message to a time that is already wrong", () => {
    const parsed = rulesSchema.safeParse({
      premiumLimit: "10",
      maxPending: "5",
      expiryMinutes: "120",
      budgets: {},
      orderingStart: "25:00",
      orderingEnd: "",
      outsideHours: "ASK",
      timeZone: "UTC",
      escalationMinutes: "",
      expiryWarningMinutes: "",
    });
    expect(parsed.success ? {} : fieldErrorsOf(parsed.error)).toEqual({
      orderingStart: "Enter a time as HH:MM, like 07:30.",
    });
  });
});
