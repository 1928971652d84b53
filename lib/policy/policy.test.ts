import { describe, expect, it } from "vitest";
import { evaluateAccessRequest, evaluateExecution, evaluateOrder, explainReason, restaurantAccess } from "./index";
import type { FamilyRules, PolicyLine, Reason } from "./types";

const rules: FamilyRules = { version: 1, premiumLimitCents: 1000, maxPendingPerChild: 3, expiryMinutes: 60 };
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
      restaurant: pizzaPalace,
      access: "open",
      lines: [],
      pendingCount: 0,
      ...facts,
    });
    expect(result.verdict).toBe(verdict);
    expect(result.reasons.map((r) => r.code)).toEqual(codes);
  });

  it("records the price and the limit the rule used", () => {
    const result = evaluateOrder({ rules, restaurant: pizzaPalace, access: "open", lines: [deluxe], pendingCount: 0 });
    expect(result.reasons).toEqual([
      { code: "DISH_PREMIUM", dish: "Deluxe Burger", priceCents: 1299, limitCents: 1000 },
    ]);
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
  ])("%j", (reason, words) => {
    expect(explainReason(reason)).toBe(words);
  });
});
