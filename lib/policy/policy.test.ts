import { describe, expect, it } from "vitest";
import {
  evaluateAccessRequest,
  evaluateExecution,
  evaluateOrder,
  evaluateQuestion,
  explainReason,
  isWithinHours,
  remainingBudget,
  restaurantAccess,
  spendingWindows,
} from "./index";
import type { FamilyRules, PolicyLine, Reason } from "./types";

const rules: FamilyRules = {
  version: 1,
  premiumLimitCents: 1000,
  maxPendingPerChild: 3,
  expiryMinutes: 60,
  childBudgets: {},
  orderingHours: null,
  outsideHours: "ASK",
  timeZone: "UTC",
  escalationMinutes: null,
  expiryWarningMinutes: 5,
};
const henry = "child-henry";
const budgeted: FamilyRules = { ...rules, childBudgets: { [henry]: { dailyCents: 2000, weeklyCents: 5000 } } };
const hours: FamilyRules = { ...rules, orderingHours: { start: "11:00", end: "20:00" }, timeZone: "Europe/London" };
// 12:00 and 21:30 in London on a winter day (UTC+0) and 12:00 on a summer day (UTC+1 → 11:00Z).
const noon = new Date("2026-11-25T12:00:00Z");
const lateEvening = new Date("2026-11-25T21:30:00Z");
const pizzaPalace = { name: "Pizza Palace", restricted: false, archived: false };
const sushiWorld = { name: "Sushi World", restricted: true, archived: false };
const cheese: PolicyLine = { name: "Cheese Pizza", unitPriceCents: 899, quantity: 1 };
const deluxe: PolicyLine = { name: "Deluxe Burger", unitPriceCents: 1299, quantity: 1 };
const atLimit: PolicyLine = { name: "Exactly Ten", unitPriceCents: 1000, quantity: 3 };
const platter: PolicyLine = { name: "Sushi Platter", unitPriceCents: 2299, quantity: 1 };

describe("restaurantAccess", () => {
  it.each([
    [false, [], "open"],
    [false, ["ALWAYS"], "open"],
    [true, [], "needs-permission"],
    [true, ["ONCE"], "granted"],
    [true, ["ALWAYS"], "granted"],
  ] as const)("restricted=%s grants=%j → %s", (restricted, grants, expected) => {
    expect(restaurantAccess({ restricted }, [...grants])).toBe(expected);
  });
});

describe("evaluateOrder", () => {
  const cases: Array<{
    name: string;
    facts: Partial<Parameters<typeof evaluateOrder>[0]>;
    verdict: string;
    codes: string[];
  }> = [
    { name: "cheap dish at an open restaurant", facts: { lines: [cheese] }, verdict: "allow", codes: [] },
    { name: "a price equal to the limit is not premium", facts: { lines: [atLimit] }, verdict: "allow", codes: [] },
    { name: "premium dish", facts: { lines: [deluxe] }, verdict: "needs-parent", codes: ["DISH_PREMIUM"] },
    {
      name: "one premium line among cheap ones",
      facts: { lines: [cheese, deluxe] },
      verdict: "needs-parent",
      codes: ["DISH_PREMIUM"],
    },
    {
      name: "restricted restaurant without a grant",
      facts: { restaurant: sushiWorld, access: "needs-permission", lines: [{ ...cheese, name: "California Roll" }] },
      verdict: "needs-parent",
      codes: ["RESTAURANT_RESTRICTED"],
    },
    {
      name: "restricted restaurant with a grant",
      facts: { restaurant: sushiWorld, access: "granted", lines: [{ ...cheese, name: "California Roll" }] },
      verdict: "allow",
      codes: [],
    },
    {
      name: "restricted and premium: every reason is reported",
      facts: { restaurant: sushiWorld, access: "needs-permission", lines: [platter] },
      verdict: "needs-parent",
      codes: ["RESTAURANT_RESTRICTED", "DISH_PREMIUM"],
    },
    {
      name: "granted restaurant does not lift the premium rule",
      facts: { restaurant: sushiWorld, access: "granted", lines: [platter] },
      verdict: "needs-parent",
      codes: ["DISH_PREMIUM"],
    },
    {
      name: "pending cap reached",
      facts: { lines: [deluxe], pendingCount: 3 },
      verdict: "refuse",
      codes: ["PENDING_CAP"],
    },
    {
      name: "pending cap does not block allowed orders",
      facts: { lines: [cheese], pendingCount: 9 },
      verdict: "allow",
      codes: [],
    },
    {
      name: "a standing dish grant lifts the premium rule for that dish only",
      facts: { lines: [{ ...deluxe, dishId: "deluxe" }, platter], allowedDishIds: new Set(["deluxe"]) },
      verdict: "needs-parent",
      codes: ["DISH_PREMIUM"],
    },
    {
      name: "a dish grant does not open a restricted restaurant",
      facts: {
        restaurant: sushiWorld,
        access: "needs-permission",
        lines: [{ ...platter, dishId: "platter" }],
        allowedDishIds: new Set(["platter"]),
      },
      verdict: "needs-parent",
      codes: ["RESTAURANT_RESTRICTED"],
    },
    {
      name: "within the daily budget",
      facts: { rules: budgeted, lines: [cheese], spending: { todayCents: 1000, weekCents: 1000 } },
      verdict: "allow",
      codes: [],
    },
    {
      name: "exactly reaching the daily budget is allowed",
      facts: {
        rules: budgeted,
        lines: [{ ...cheese, unitPriceCents: 1000 }],
        spending: { todayCents: 1000, weekCents: 1000 },
      },
      verdict: "allow",
      codes: [],
    },
    {
      name: "over the daily budget",
      facts: { rules: budgeted, lines: [cheese], spending: { todayCents: 1500, weekCents: 1500 } },
      verdict: "needs-parent",
      codes: ["BUDGET_DAILY"],
    },
    {
      name: "over the weekly budget only",
      facts: { rules: budgeted, lines: [cheese], spending: { todayCents: 0, weekCents: 4500 } },
      verdict: "needs-parent",
      codes: ["BUDGET_WEEKLY"],
    },
    {
      name: "a budget is per child: another child has none",
      facts: {
        rules: budgeted,
        childId: "child-rose",
        lines: [cheese],
        spending: { todayCents: 9000, weekCents: 9000 },
      },
      verdict: "allow",
      codes: [],
    },
    {
      name: "premium, over both budgets: every reason is reported",
      facts: { rules: budgeted, lines: [{ ...deluxe, quantity: 2 }], spending: { todayCents: 0, weekCents: 4000 } },
      verdict: "needs-parent",
      codes: ["DISH_PREMIUM", "BUDGET_DAILY", "BUDGET_WEEKLY"],
    },
    { name: "within ordering hours", facts: { rules: hours, lines: [cheese], now: noon }, verdict: "allow", codes: [] },
    {
      name: "outside ordering hours: a parent decides",
      facts: { rules: hours, lines: [cheese], now: lateEvening },
      verdict: "needs-parent",
      codes: ["OUTSIDE_HOURS"],
    },
    {
      name: "outside ordering hours when the family chose refuse",
      facts: { rules: { ...hours, outsideHours: "REFUSE" }, lines: [deluxe], now: lateEvening },
      verdict: "refuse",
      codes: ["OUTSIDE_HOURS"],
    },
    {
      name: "outside hours and premium: both reasons",
      facts: { rules: hours, lines: [deluxe], now: lateEvening },
      verdict: "needs-parent",
      codes: ["DISH_PREMIUM", "OUTSIDE_HOURS"],
    },
    {
      name: "outside hours at the pending cap: refused with the cap",
      facts: { rules: hours, lines: [cheese], now: lateEvening, pendingCount: 3 },
      verdict: "refuse",
      codes: ["PENDING_CAP"],
    },
    {
      name: "a removed dish is refused before the hours are looked at",
      facts: { rules: { ...hours, outsideHours: "REFUSE" }, lines: [{ ...cheese, archived: true }], now: lateEvening },
      verdict: "refuse",
      codes: ["DISH_UNAVAILABLE"],
    },
    {
      name: "archived restaurant is refused",
      facts: { restaurant: { ...pizzaPalace, archived: true }, lines: [cheese] },
      verdict: "refuse",
      codes: ["RESTAURANT_UNAVAILABLE"],
    },
    {
      name: "archived dish is refused",
      facts: { lines: [{ ...deluxe, archived: true }] },
      verdict: "refuse",
      codes: ["DISH_UNAVAILABLE"],
    },
  ];

  it.each(cases)("$name", ({ facts, verdict, codes }) => {
    const result = evaluateOrder({
      rules,
      childId: henry,
      restaurant: pizzaPalace,
      access: "open",
      lines: [],
      pendingCount: 0,
      spending: { todayCents: 0, weekCents: 0 },
      now: noon,
      ...facts,
    });
    expect(result.verdict).toBe(verdict);
    expect(result.reasons.map((r) => r.code)).toEqual(codes);
  });

  it("records the price and the limit the rule used", () => {
    const result = evaluateOrder({
      rules: budgeted,
      childId: henry,
      restaurant: pizzaPalace,
      access: "open",
      lines: [{ ...deluxe, quantity: 2 }],
      pendingCount: 0,
      spending: { todayCents: 0, weekCents: 0 },
      now: noon,
    });
    expect(result.reasons).toEqual([
      { code: "DISH_PREMIUM", dish: "Deluxe Burger", priceCents: 1299, limitCents: 1000 },
      { code: "BUDGET_DAILY", limitCents: 2000, spentCents: 0, orderCents: 2598 },
    ]);
  });
});

describe("evaluateQuestion", () => {
  it.each([
    [0, "needs-parent", ["QUESTION_FOR_PARENT"]],
    [2, "needs-parent", ["QUESTION_FOR_PARENT"]],
    [3, "refuse", ["PENDING_CAP"]],
  ] as const)("%i pending → %s", (pendingCount, verdict, codes) => {
    const result = evaluateQuestion({ rules, pendingCount });
    expect(result.verdict).toBe(verdict);
    expect(result.reasons.map((r) => r.code)).toEqual(codes);
  });
});

describe("remainingBudget", () => {
  it.each([
    ["no budget", rules, { todayCents: 500, weekCents: 500 }, null],
    ["daily is the smaller", budgeted, { todayCents: 500, weekCents: 500 }, 1500],
    ["weekly is the smaller", budgeted, { todayCents: 0, weekCents: 4200 }, 800],
    ["never below zero", budgeted, { todayCents: 2600, weekCents: 2600 }, 0],
  ] as const)("%s", (_name, familyRules, spending, expected) => {
    expect(remainingBudget(familyRules, henry, spending)).toBe(expected);
  });
});

describe("the family's clock", () => {
  it.each([
    ["inside", "2026-11-25T12:00:00Z", { start: "11:00", end: "20:00" }, "Europe/London", true],
    ["end is exclusive", "2026-11-25T20:00:00Z", { start: "11:00", end: "20:00" }, "Europe/London", false],
    ["start is inclusive", "2026-11-25T11:00:00Z", { start: "11:00", end: "20:00" }, "Europe/London", true],
    [
      "summer time: 10:30Z is 11:30 in London",
      "2026-07-01T10:30:00Z",
      { start: "11:00", end: "20:00" },
      "Europe/London",
      true,
    ],
    [
      "another zone: 12:00Z is 07:00 in New York",
      "2026-11-25T12:00:00Z",
      { start: "11:00", end: "20:00" },
      "America/New_York",
      false,
    ],
    ["past midnight, late", "2026-11-25T23:30:00Z", { start: "22:00", end: "06:00" }, "UTC", true],
    ["past midnight, early", "2026-11-25T05:59:00Z", { start: "22:00", end: "06:00" }, "UTC", true],
    ["past midnight, daytime", "2026-11-25T12:00:00Z", { start: "22:00", end: "06:00" }, "UTC", false],
    ["equal start and end: all day", "2026-11-25T03:00:00Z", { start: "09:00", end: "09:00" }, "UTC", true],
  ] as const)("%s", (_name, at, openHours, timeZone, expected) => {
    expect(isWithinHours(new Date(at), openHours, timeZone)).toBe(expected);
  });

  it("days and weeks start at local midnight, weeks on Monday", () => {
    // Wednesday 25 Nov 2026, 02:00 in Tokyo is Tuesday 17:00Z.
    const windows = spendingWindows(new Date("2026-11-24T17:00:00Z"), "Asia/Tokyo");
    expect(windows.dayStart.toISOString()).toBe("2026-11-24T15:00:00.000Z");
    expect(windows.weekStart.toISOString()).toBe("2026-11-22T15:00:00.000Z");
  });
});

describe("evaluateAccessRequest", () => {
  it.each([
    ["open restaurant", pizzaPalace, "open", 0, "allow"],
    ["granted restaurant", sushiWorld, "granted", 0, "allow"],
    ["restricted restaurant", sushiWorld, "needs-permission", 0, "needs-parent"],
    ["restricted, cap reached", sushiWorld, "needs-permission", 3, "refuse"],
    ["archived restaurant", { ...sushiWorld, archived: true }, "needs-permission", 0, "refuse"],
  ] as const)("%s → %s", (_name, restaurant, access, pendingCount, verdict) => {
    expect(evaluateAccessRequest({ rules, restaurant, access, pendingCount }).verdict).toBe(verdict);
  });
});

describe("evaluateExecution", () => {
  it("allows an approved order whose restaurant and dishes still exist", () => {
    expect(evaluateExecution(pizzaPalace, [deluxe]).verdict).toBe("allow");
  });
  it("refuses when the restaurant was removed after the request", () => {
    expect(evaluateExecution({ ...pizzaPalace, archived: true }, [deluxe]).reasons).toEqual([
      { code: "RESTAURANT_UNAVAILABLE", restaurant: "Pizza Palace" },
    ]);
  });
});

describe("explainReason", () => {
  it.each<[Reason, string]>([
    [
      { code: "DISH_PREMIUM", dish: "Deluxe Burger", priceCents: 1299, limitCents: 1000 },
      "Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes.",
    ],
    [
      { code: "DISH_PREMIUM", dish: "Dragon Roll", priceCents: 1450, limitCents: 1000 },
      "Dragon Roll costs $14.50, above the $10.00 limit for premium dishes.",
    ],
    [
      { code: "RESTAURANT_RESTRICTED", restaurant: "Sushi World" },
      "Sushi World is a restricted restaurant: a parent has to allow it first.",
    ],
    [
      { code: "PENDING_CAP", max: 3 },
      "There are already 3 requests waiting for a parent. Please wait for an answer before asking again.",
    ],
    [{ code: "RESTAURANT_UNAVAILABLE", restaurant: "Fancy French" }, "Fancy French is no longer available."],
    [{ code: "DISH_UNAVAILABLE", dish: "Escargot" }, "Escargot is no longer on the menu."],
    [
      { code: "BUDGET_DAILY", limitCents: 2000, spentCents: 1500, orderCents: 899 },
      "This order ($8.99) would go over the daily budget of $20.00: $15.00 is already spent today.",
    ],
    [
      { code: "BUDGET_WEEKLY", limitCents: 5000, spentCents: 4500, orderCents: 899 },
      "This order ($8.99) would go over the weekly budget of $50.00: $45.00 is already spent this week.",
    ],
    [
      { code: "OUTSIDE_HOURS", start: "11:00", end: "20:00", timeZone: "Europe/London" },
      "Ordering hours are 11:00–20:00, and it is outside them now.",
    ],
    [{ code: "QUESTION_FOR_PARENT" }, "Only a parent can answer this question."],
  ])("%j", (reason, words) => {
    expect(explainReason(reason)).toBe(words);
  });
});
