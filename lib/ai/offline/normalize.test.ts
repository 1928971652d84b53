import { describe, expect, it } from "vitest";
import { normalize, stem, words } from "./normalize";
import { findQuantities, parseQuantity } from "./quantity";

describe("normalize", () => {
  it.each([
    ["What's on the menu at Pizza Palace?", "what is on the menu at pizza palace"],
    ["I'd like the Deluxe Burger!!! 🍔", "i would like the deluxe burger"],
    ["I’ll have the classic one", "i will have the classic one"],
    ["can't   we get FRIES", "can not we get fries"],
    ["Don't", "do not"],
    ["Pizza Palace's menu", "pizza palace menu"],
    ["-2 fries", "minus 2 fries"],
    ["fish & chips", "fish and chips"],
    ["crème brûlée", "creme brulee"],
    ["2× fries", "2x fries"],
    ["  🍕🍕  ", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it("splits into words and returns none for empty text", () => {
    expect(words("two veggie pizzas")).toEqual(["two", "veggie", "pizzas"]);
    expect(words("")).toEqual([]);
  });
});

describe("stem", () => {
  it.each([
    ["pizzas", "pizza"],
    ["fries", "fry"],
    ["fry", "fry"],
    ["veggies", "veggy"],
    ["veggie", "veggy"],
    ["burgers", "burger"],
    ["glass", "glass"],
    ["sushi", "sushi"],
  ])("%s → %s", (input, expected) => {
    expect(stem(input)).toBe(expected);
  });
});

describe("quantities", () => {
  it.each([
    ["a", 1],
    ["an", 1],
    ["one", 1],
    ["two", 2],
    ["3", 3],
    ["ten", 10],
    ["twenty", 20],
    ["a couple of", 2],
    ["a dozen", 12],
    ["twenty five", 25],
    ["0", 0],
    ["zero", 0],
    ["minus 2", -2],
    ["2x", 2],
    ["x3", 3],
    ["pizza", null],
  ])("%j → %j", (input, expected) => {
    expect(parseQuantity(input)).toBe(expected);
  });

  it("finds every number in a sentence without overlaps", () => {
    const spans = findQuantities(words("can i get two veggie pizzas and a couple of fries"));
    expect(spans).toEqual([
      { start: 3, end: 3, value: 2 },
      { start: 7, end: 9, value: 2 },
    ]);
  });
});
