import type { LanguageModelV4ToolResultOutput } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import type {
  ApprovalOutcomeOutput,
  GetMenuOutput,
  ListRestaurantsOutput,
  PlaceOrderOutput,
  RequestRestaurantAccessOutput,
} from "@/lib/ai/tools/contracts";
import type { ToolOutcome } from "./history";
import { replyToResults } from "./replies";

function result(toolName: string, value: unknown, input: unknown = {}): ToolOutcome {
  return {
    toolCallId: `c-${toolName}`,
    toolName,
    input,
    output: { type: "json", value } as LanguageModelV4ToolResultOutput,
  };
}

const cheese = { dishId: "d-cheese", name: "Cheese Pizza", quantity: 1, unitPriceCents: 899, lineTotalCents: 899 };
const deluxe = { dishId: "d-deluxe", name: "Deluxe Burger", quantity: 1, unitPriceCents: 1299, lineTotalCents: 1299 };

describe("replies to tool results", () => {
  it("lists restaurants and says which need permission", () => {
    const value: ListRestaurantsOutput = {
      restaurants: [
        { id: "r-pizza", name: "Pizza Palace", restricted: false, access: "open" },
        { id: "r-sushi", name: "Sushi World", restricted: true, access: "needs-permission" },
        { id: "r-french", name: "Fancy French", restricted: true, access: "granted" },
      ],
    };
    const text = replyToResults([result("listRestaurants", value)]);
    expect(text).toContain("• Pizza Palace\n");
    expect(text).toContain("• Sushi World (needs a parent's permission)");
    expect(text).toContain("• Fancy French (you have permission)");
  });

  it("shows a menu with prices and marks premium dishes", () => {
    const value: GetMenuOutput = {
      status: "ok",
      restaurant: { id: "r-burger", name: "Burger Bonanza", restricted: false, access: "open" },
      dishes: [
        { id: "d-classic", name: "Classic Burger", priceCents: 799, premium: false },
        { id: "d-deluxe", name: "Deluxe Burger", priceCents: 1299, premium: true },
      ],
    };
    const text = replyToResults([result("getMenu", value)]);
    expect(text).toContain("Here's the menu at Burger Bonanza:");
    expect(text).toContain("• Classic Burger — $7.99\n");
    expect(text).toContain("• Deluxe Burger — $12.99 (needs a parent's OK)");
  });

  it("confirms a placed order with its total", () => {
    const value: PlaceOrderOutput = {
      status: "placed",
      orderId: "o1",
      restaurantName: "Pizza Palace",
      items: [cheese],
      totalCents: 899,
    };
    expect(replyToResults([result("placeOrder", value)])).toBe(
      "Done! I ordered 1× Cheese Pizza from Pizza Palace ($8.99). 🍕",
    );
  });

  it("explains a pending order with the policy's reasons, once", () => {
    const value: PlaceOrderOutput = {
      status: "pending",
      requestId: "q1",
      restaurantName: "Burger Bonanza",
      items: [deluxe],
      totalCents: 1299,
      reasons: ["Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes."],
    };
    const text = replyToResults([result("placeOrder", value)]);
    expect(text).toContain(
      "That needs a parent's OK because Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes.",
    );
    expect(text).toMatch(/I've asked them — I'll let you know as soon as they answer\.$/);
    expect(text).not.toMatch(/approved|said yes/i);
  });

  it("passes a refusal on kindly", () => {
    const value: PlaceOrderOutput = { status: "refused", message: "Fancy French is no longer available." };
    expect(replyToResults([result("placeOrder", value)])).toBe(
      "Sorry, I couldn't place that order. Fancy French is no longer available.",
    );
  });

  it.each<[RequestRestaurantAccessOutput, string]>([
    [{ status: "already-allowed", restaurantName: "Pizza Palace" }, "you can already order from Pizza Palace"],
    [
      {
        status: "pending",
        requestId: "q2",
        restaurantName: "Sushi World",
        reasons: ["Sushi World is a restricted restaurant: a parent has to allow it first."],
      },
      "Sushi World needs a parent's permission because Sushi World is a restricted restaurant",
    ],
    [{ status: "refused", message: "There are already 3 requests waiting." }, "There are already 3 requests waiting."],
  ])("answers an access request (%j)", (value, expected) => {
    expect(replyToResults([result("requestRestaurantAccess", value)])).toContain(expected);
  });

  it("combines several results and the planner's notes", () => {
    const placed: PlaceOrderOutput = {
      status: "placed",
      orderId: "o",
      restaurantName: "Pizza Palace",
      items: [cheese],
      totalCents: 899,
    };
    const fries = { dishId: "d-fries", name: "Fries", quantity: 2, unitPriceCents: 349, lineTotalCents: 698 };
    const placed2: PlaceOrderOutput = { ...placed, restaurantName: "Burger Bonanza", items: [fries], totalCents: 698 };
    const text = replyToResults([result("placeOrder", placed), result("placeOrder", placed2)], ["A note."]);
    expect(text).toBe(
      "A note.\n\nDone! I ordered 1× Cheese Pizza from Pizza Palace ($8.99). 🍕\n\nDone! I ordered 2× Fries from Burger Bonanza ($6.98). 🍟",
    );
  });

  it.each<[LanguageModelV4ToolResultOutput, RegExp]>([
    [
      { type: "error-text", value: "SQLITE_BUSY: database is locked" },
      /couldn't place your order: something went wrong/,
    ],
    [{ type: "error-text", value: "Invalid input for tool placeOrder: expected number" }, /details didn't look right/],
    [{ type: "error-json", value: { message: "timeout" } }, /didn't answer in time/],
    [{ type: "execution-denied", reason: "no" }, /wasn't allowed to do that/],
  ])("apologises in plain words for %j", (output, expected) => {
    const text = replyToResults([{ toolCallId: "c", toolName: "placeOrder", input: {}, output }]);
    expect(text).toMatch(/^Sorry/);
    expect(text).toMatch(expected);
    expect(text).not.toContain("SQLITE");
  });
});

describe("replies to a parent's decision", () => {
  const base: ApprovalOutcomeOutput = {
    requestId: "q1",
    kind: "ORDER",
    status: "APPROVED",
    restaurantName: "Burger Bonanza",
    decidedByName: "Joe",
    note: null,
    order: { orderId: "o1", items: [deluxe], totalCents: 1299 },
  };
  const reply = (value: Partial<ApprovalOutcomeOutput>) =>
    replyToResults([result("approvalOutcome", { ...base, ...value })]);

  it("celebrates an approved order", () => {
    expect(reply({})).toBe("Good news, Joe said yes! Your Deluxe Burger ($12.99) is on its way. 🍔");
  });

  it("passes on a no with the note and the allowed alternatives", () => {
    const text = reply({
      status: "DENIED",
      decidedByName: "Jane",
      note: "not tonight",
      order: undefined,
      alternatives: [
        { id: "d-fries", name: "Fries", priceCents: 349, premium: false, restaurantName: "Burger Bonanza" },
        { id: "d-classic", name: "Classic Burger", priceCents: 799, premium: false, restaurantName: "Burger Bonanza" },
      ],
    });
    expect(text).toContain("Sorry, Jane said no to your order from Burger Bonanza this time.");
    expect(text).toContain("Jane said: not tonight.");
    expect(text).toContain("Fries from Burger Bonanza ($3.49) or Classic Burger from Burger Bonanza ($7.99)");
    expect(text).not.toMatch(/said yes|on its way/);
  });

  it.each<[Partial<ApprovalOutcomeOutput>, string]>([
    [
      { kind: "RESTAURANT_ACCESS", scope: "ONCE", restaurantName: "Sushi World" },
      "You can order from Sushi World this one time.",
    ],
    [
      { kind: "RESTAURANT_ACCESS", scope: "ALWAYS_RESTAURANT", restaurantName: "Sushi World" },
      "You can order from Sushi World any time now.",
    ],
    [{ status: "EXPIRED", decidedByName: null }, "Nobody answered about your order from Burger Bonanza in time"],
    [{ status: "CANCELLED" }, "was cancelled, so nothing happened"],
    [
      { kind: "RESTAURANT_ACCESS", status: "DENIED", decidedByName: null },
      "Sorry, your parent said no to ordering from",
    ],
  ])("answers %j", (value, expected) => {
    expect(reply(value)).toContain(expected);
  });

  it("asks again only as a question after an expiry", () => {
    expect(reply({ status: "EXPIRED" })).toMatch(/Want me to ask again\?$/);
    expect(reply({ status: "EXPIRED" })).not.toMatch(/said yes/);
  });
});
