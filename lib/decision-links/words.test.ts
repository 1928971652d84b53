import { describe, expect, it } from "vitest";
import { linkQuestion } from "./words";

const order = { kind: "ORDER", childName: "Henry", restaurantName: "Burger Bonanza" };
const access = { kind: "RESTAURANT_ACCESS", childName: "Rose", restaurantName: "Sushi World" };
const question = { kind: "QUESTION", childName: "Henry", restaurantName: null };

describe("linkQuestion", () => {
  it.each([
    ["approve", order, "Approve Henry's order from Burger Bonanza?"],
    ["deny", order, "Deny Henry's order from Burger Bonanza?"],
    ["open", order, "Henry's order from Burger Bonanza"],
    ["approve", access, "Let Rose use Sushi World?"],
    ["deny", access, "Deny Rose the use of Sushi World?"],
    ["open", access, "Rose asks to use Sushi World"],
    ["open", question, "Henry asks a question"],
  ] as const)("%s %o", (action, item, expected) => {
    expect(linkQuestion(action, item)).toBe(expected);
  });
});
