// "What's waiting?", "what did I order today?", "how much can I still spend?": intents and replies.
import type { LanguageModelV4ToolResultOutput } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import type { GetMyStatusOutput } from "@/lib/ai/tools/contracts";
import { explainReasons } from "@/lib/policy";
import { buildIndex } from "./catalogue-index";
import { SEED_CATALOGUE } from "./fixtures";
import type { ToolOutcome } from "./history";
import { statusFocus } from "./intent";
import { normalize } from "./normalize";
import { planUserTurn } from "./plan";
import { replyToResults } from "./replies";

const index = buildIndex(SEED_CATALOGUE);
const toolsOf = (message: string) => {
  const plan = planUserTurn(index, message, {}, "Sam");
  return plan.kind === "tools" ? plan.calls.map((c) => c.toolName) : plan.text;
};
const result = (toolName: string, value: unknown): ToolOutcome => ({
  toolCallId: `c-${toolName}`,
  toolName,
  input: {},
  output: { type: "json", value } as LanguageModelV4ToolResultOutput,
});

describe("status intents call getMyStatus", () => {
  it.each([
    ["what's waiting?", ["waiting"]],
    ["what am I waiting for", ["waiting"]],
    ["anything pending?", ["waiting"]],
    ["is anything still waiting for mum", ["waiting"]],
    ["what did I order today?", ["ordered"]],
    ["what have I ordered", ["ordered"]],
    ["how much can I still spend?", ["money"]],
    ["what's my budget", ["money"]],
    ["how much money do I have left", ["money"]],
    ["how much have I spent", ["money"]],
    ["what did I order today and how much can I still spend", ["ordered", "money"]],
  ])("%s → getMyStatus, about %j", (message, focus) => {
    expect(toolsOf(message)).toEqual(["getMyStatus"]);
    expect(statusFocus(normalize(message))).toEqual(focus);
  });

  it.each<[string, string[]]>([
    ["how much is the deluxe burger", []],
    ["I want a cheese pizza", ["placeOrder"]],
    ["what restaurants can I order from?", ["listRestaurants"]],
  ])("%s is not a status question", (message, tools) => {
    const got = toolsOf(message);
    if (tools.length === 0) expect(typeof got).toBe("string");
    else expect(got).toEqual(tools);
  });
});

const line = (name: string, quantity: number, unitPriceCents: number) => ({
  dishId: `d-${name}`,
  name,
  quantity,
  unitPriceCents,
  lineTotalCents: quantity * unitPriceCents,
});

const busy: GetMyStatusOutput = {
  pending: [
    { requestId: "q1", kind: "ORDER", summary: "Deluxe Burger from Burger Bonanza ($12.99)" },
    { requestId: "q2", kind: "QUESTION", summary: "your question “Can I have dessert tonight?”" },
  ],
  orderedToday: [
    { orderId: "o1", restaurantName: "Pizza Palace", items: [line("Cheese Pizza", 1, 899)], totalCents: 899 },
    { orderId: "o2", restaurantName: "Burger Bonanza", items: [line("Fries", 2, 349)], totalCents: 698 },
  ],
  spentTodayCents: 1597,
  remainingTodayCents: 403,
  dailyBudgetCents: 2000,
  weeklyBudgetCents: 5000,
};
const quiet: GetMyStatusOutput = {
  pending: [],
  orderedToday: [],
  spentTodayCents: 0,
  remainingTodayCents: null,
  dailyBudgetCents: null,
  weeklyBudgetCents: null,
};

describe("status replies answer the question asked", () => {
  it.each<[string, GetMyStatusOutput, string[], string[]]>([
    [
      "what's waiting?",
      busy,
      [
        "2 things are waiting for a parent:",
        "• Deluxe Burger from Burger Bonanza ($12.99)",
        "• Your question “Can I have dessert tonight?”",
      ],
      ["Today you ordered", "spend"],
    ],
    ["what's waiting?", quiet, ["Nothing is waiting for a parent right now."], []],
    [
      "what is waiting",
      { ...busy, pending: busy.pending.slice(0, 1) },
      ["One thing is waiting for a parent: Deluxe Burger from Burger Bonanza ($12.99)."],
      [],
    ],
    [
      "what did I order today?",
      busy,
      [
        "Today you ordered:",
        "• Cheese Pizza from Pizza Palace ($8.99)",
        "• 2× Fries from Burger Bonanza ($6.98)",
        "That's $15.97 in all.",
      ],
      ["waiting for a parent"],
    ],
    ["what did I order today?", quiet, ["You haven't ordered anything today yet."], []],
    [
      "how much can I still spend?",
      busy,
      [
        "You can still spend $4.03 today.",
        "You've spent $15.97 today.",
        "Your budget is $20.00 a day and $50.00 a week.",
      ],
      ["Today you ordered", "waiting"],
    ],
    [
      "what's my budget",
      { ...busy, remainingTodayCents: 0, weeklyBudgetCents: null },
      ["You've used up your budget for now.", "Your budget is $20.00 a day.", "needs a parent's OK"],
      [],
    ],
    [
      "how much money do I have left",
      quiet,
      ["You don't have a spending budget", "You've spent $0.00 today."],
      ["$0.00 today. 💰"],
    ],
  ])("%s", (message, status, present, absent) => {
    const text = replyToResults([result("getMyStatus", status)], [], message);
    for (const words of present) expect(text).toContain(words);
    for (const words of absent) expect(text).not.toContain(words);
  });
});

describe("askParent replies", () => {
  it("says what was asked and that the answer will come", () => {
    const text = replyToResults([
      result("askParent", { status: "pending", requestId: "q1", question: "Can I have dessert tonight?" }),
    ]);
    expect(text).toBe(
      "Okay! I asked your parents: “Can I have dessert tonight?”\n\nI've asked them — I'll let you know as soon as they answer.",
    );
  });

  it("passes on the cap refusal in the policy's words", () => {
    const [message = ""] = explainReasons([{ code: "PENDING_CAP", max: 3 }]);
    const text = replyToResults([result("askParent", { status: "refused", message })]);
    expect(text).toBe(`Sorry, I couldn't ask your parents right now. ${message}`);
  });
});

describe("new reasons read naturally in pending and refused replies", () => {
  const deluxe = line("Deluxe Burger", 1, 1299);
  it.each([
    [
      explainReasons([{ code: "BUDGET_DAILY", limitCents: 2000, spentCents: 1000, orderCents: 1299 }]),
      "That needs a parent's OK because this order ($12.99) would go over the daily budget of $20.00: $10.00 is already spent today.",
    ],
    [
      explainReasons([{ code: "OUTSIDE_HOURS", start: "11:00", end: "20:00", timeZone: "UTC" }]),
      "That needs a parent's OK because ordering hours are 11:00–20:00, and it is outside them now.",
    ],
  ])("pending: %j", (reasons, expected) => {
    const text = replyToResults([
      result("placeOrder", {
        status: "pending",
        requestId: "q1",
        restaurantName: "Burger Bonanza",
        items: [deluxe],
        totalCents: 1299,
        reasons,
      }),
    ]);
    expect(text).toContain(expected);
  });

  it("refused outside hours", () => {
    const [message = ""] = explainReasons([{ code: "OUTSIDE_HOURS", start: "11:00", end: "20:00", timeZone: "UTC" }]);
    const text = replyToResults([result("placeOrder", { status: "refused", message })]);
    expect(text).toBe(
      "Sorry, I couldn't place that order. Ordering hours are 11:00–20:00, and it is outside them now.",
    );
  });
});
