import { describe, expect, it } from "vitest";
import type { LineItem } from "@/lib/ai/tools/contracts";
import { describeOrderChanges, describeSnapshotChanges } from "./changes";
import { orderEditInput } from "./edit-input";
import { offeredScopes } from "./scope";

const PRICES: Record<string, number> = { deluxe: 1299, classic: 799, fries: 349, shake: 499 };
const NAMES: Record<string, string> = {
  deluxe: "Deluxe Burger",
  classic: "Classic Burger",
  fries: "Fries",
  shake: "Shake",
};

function order(lines: Record<string, number>): { items: LineItem[] } {
  return {
    items: Object.entries(lines).map(([id, quantity]) => ({
      dishId: id,
      name: NAMES[id] ?? id,
      quantity,
      unitPriceCents: PRICES[id] ?? 0,
      lineTotalCents: (PRICES[id] ?? 0) * quantity,
    })),
  };
}

type Line = [string, number, string?];

describe("describeOrderChanges", () => {
  const names = new Map(Object.entries(NAMES));
  const lines = (list: Line[]) =>
    list.map(([dishId, quantity, replaces]) => (replaces ? { dishId, quantity, replaces } : { dishId, quantity }));
  const cases: Array<[string, Record<string, number>, Line[], string[]]> = [
    ["nothing changed", { deluxe: 2 }, [["deluxe", 2]], []],
    ["a quantity", { deluxe: 2 }, [["deluxe", 1]], ["Deluxe Burger: 2 → 1"]],
    ["a line removed", { deluxe: 1, fries: 1 }, [["deluxe", 1]], ["Fries removed"]],
    ["a replacement", { deluxe: 2 }, [["classic", 2, "deluxe"]], ["Deluxe Burger replaced by Classic Burger"]],
    [
      "a replacement with another quantity",
      { deluxe: 2 },
      [["classic", 1, "deluxe"]],
      ["Deluxe Burger replaced by Classic Burger (2 → 1)"],
    ],
    [
      "a replacement and a removal",
      { deluxe: 1, fries: 1 },
      [["classic", 1, "deluxe"]],
      ["Deluxe Burger replaced by Classic Burger", "Fries removed"],
    ],
    ["a quantity and a removal", { deluxe: 2, fries: 1 }, [["deluxe", 1]], ["Deluxe Burger: 2 → 1", "Fries removed"]],
    [
      "a dish added",
      { deluxe: 1 },
      [
        ["deluxe", 1],
        ["fries", 2],
      ],
      ["Fries added (2)"],
    ],
    [
      "replaced by a dish already ordered",
      { deluxe: 1, classic: 1 },
      [
        ["classic", 1],
        ["classic", 1, "deluxe"],
      ],
      ["Deluxe Burger replaced by Classic Burger"],
    ],
    [
      "without saying what replaced what, a swap is a removal and an addition",
      { deluxe: 1 },
      [["classic", 1]],
      ["Deluxe Burger removed", "Classic Burger added (1)"],
    ],
    [
      "duplicate lines of a kept dish add up",
      { deluxe: 2 },
      [
        ["deluxe", 1],
        ["deluxe", 2],
      ],
      ["Deluxe Burger: 2 → 3"],
    ],
  ];
  for (const [name, before, after, words] of cases) {
    it(name, () => expect(describeOrderChanges(order(before), lines(after), names)).toEqual(words));
  }

  it("reads the same words back from two snapshots (no replacement is known there)", () => {
    expect(describeSnapshotChanges(order({ deluxe: 2, fries: 1 }), order({ deluxe: 1 }))).toEqual([
      "Deluxe Burger: 2 → 1",
      "Fries removed",
    ]);
  });
});

describe("orderEditInput", () => {
  const ok = (items: unknown) => orderEditInput.safeParse({ items }).success;
  const message = (items: unknown) => orderEditInput.safeParse({ items }).error?.issues[0]?.message;

  it("accepts 1..10 lines of 1..20", () => {
    expect(ok([{ dishId: "d", quantity: 1 }])).toBe(true);
    expect(ok(Array.from({ length: 10 }, (_, i) => ({ dishId: `d${i}`, quantity: 20 })))).toBe(true);
  });
  it("refuses what a parent could get wrong, with words for each", () => {
    expect(message([])).toBe("Keep at least one dish, or deny the request instead.");
    expect(message([{ dishId: "d", quantity: 0 }])).toBe("Order at least 1, or remove the dish.");
    expect(message([{ dishId: "d", quantity: 21 }])).toBe("At most 20 of each dish.");
    expect(message([{ dishId: "d", quantity: 2.5 }])).toBe("Enter a whole number.");
    expect(message([{ dishId: "d", quantity: "2" }])).toBe("Enter a number.");
    expect(message([{ dishId: " ", quantity: 1 }])).toBe("Pick a dish.");
    expect(message(Array.from({ length: 11 }, () => ({ dishId: "d", quantity: 1 })))).toBe(
      "At most 10 different dishes.",
    );
  });
});

describe("offeredScopes", () => {
  const cases: Array<[string, string, string[], string[]]> = [
    ["access request", "RESTAURANT_ACCESS", ["RESTAURANT_RESTRICTED"], ["ONCE", "ALWAYS_RESTAURANT"]],
    ["premium dish", "ORDER", ["DISH_PREMIUM"], ["ONCE", "ALWAYS_DISH"]],
    ["restricted restaurant", "ORDER", ["RESTAURANT_RESTRICTED"], ["ONCE", "ALWAYS_RESTAURANT"]],
    ["both", "ORDER", ["RESTAURANT_RESTRICTED", "DISH_PREMIUM"], ["ONCE", "ALWAYS_RESTAURANT", "ALWAYS_DISH"]],
    ["budget only", "ORDER", ["BUDGET_DAILY"], ["ONCE"]],
    ["question", "QUESTION", ["QUESTION_FOR_PARENT"], []],
  ];
  for (const [name, kind, codes, scopes] of cases) {
    it(name, () =>
      expect(
        offeredScopes(
          kind,
          codes.map((code) => ({ code }) as { code: "DISH_PREMIUM" }),
        ),
      ).toEqual(scopes),
    );
  }
});
