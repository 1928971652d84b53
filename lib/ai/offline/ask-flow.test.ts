// Ask-a-parent and status through the real streamText loop, and replies to every kind of outcome.
import { type ModelMessage, stepCountIs, streamText } from "ai";
import { describe, expect, it } from "vitest";
import type { ApprovalOutcomeOutput } from "@/lib/ai/tools/contracts";
import { fakeTools, SEED_CATALOGUE, toolCall, toolResult } from "./fixtures";
import { createOfflineModel } from "./index";
import { outcomeReply } from "./outcome";

async function chat(messages: ModelMessage[] | string) {
  const { calls, tools } = fakeTools();
  const history: ModelMessage[] = typeof messages === "string" ? [{ role: "user", content: messages }] : messages;
  const result = streamText({
    model: createOfflineModel({ catalogue: SEED_CATALOGUE, childName: "Sam" }),
    tools,
    messages: history,
    stopWhen: stepCountIs(5),
  });
  return { text: await result.text, calls };
}

describe("ask a parent through streamText", () => {
  it("asks mum a rephrased question and says it is waiting", async () => {
    const { text, calls } = await chat("ask mum if I can have dessert tonight");
    expect(calls).toEqual([{ toolName: "askParent", input: { question: "Can I have dessert tonight?" } }]);
    expect(text).toContain("I asked your parents: “Can I have dessert tonight?”");
    expect(text).toContain("I'll let you know as soon as they answer");
  });

  it("asks what to ask, then uses the next message", async () => {
    const first = await chat("I want to ask my mum");
    expect(first.calls).toEqual([]);
    const history: ModelMessage[] = [
      { role: "user", content: "I want to ask my mum" },
      { role: "assistant", content: first.text },
      { role: "user", content: "can we go to the zoo on sunday" },
    ];
    const second = await chat(history);
    expect(second.calls).toEqual([{ toolName: "askParent", input: { question: "Can we go to the zoo on sunday?" } }]);
  });

  it("after an expired question, 'yes' asks the same question again", async () => {
    const asked = { question: "Can I have dessert tonight?" };
    const expired: ApprovalOutcomeOutput = {
      requestId: "q-ask",
      kind: "QUESTION",
      status: "EXPIRED",
      restaurantName: null,
      question: asked.question,
      decidedByName: null,
      note: null,
    };
    const history: ModelMessage[] = [
      { role: "user", content: "ask mum if I can have dessert tonight" },
      { role: "assistant", content: [toolCall("c1", "askParent", asked)] },
      {
        role: "tool",
        content: [toolResult("c1", "askParent", { status: "pending", requestId: "q-ask", question: asked.question })],
      },
      { role: "assistant", content: [toolCall("a1", "approvalOutcome", { requestId: "q-ask" })] },
      { role: "tool", content: [toolResult("a1", "approvalOutcome", expired)] },
      { role: "assistant", content: outcomeReply(expired) },
      { role: "user", content: "yes please" },
    ];
    const { calls } = await chat(history);
    expect(calls).toEqual([{ toolName: "askParent", input: asked }]);
  });

  it("'what's waiting?' calls getMyStatus and names what waits", async () => {
    const { text, calls } = await chat("what's waiting?");
    expect(calls).toEqual([{ toolName: "getMyStatus", input: {} }]);
    expect(text).toBe(
      "One thing is waiting for a parent: Deluxe Burger from Burger Bonanza ($12.99). I'll tell you as soon as they answer. ⏳",
    );
  });
});

const base = { requestId: "q1", decidedByName: "Jane", note: null } as const;
const deluxe = (quantity: number) => ({
  dishId: "d-deluxe",
  name: "Deluxe Burger",
  quantity,
  unitPriceCents: 1299,
  lineTotalCents: 1299 * quantity,
});
const approvedOrder = (extra: Partial<ApprovalOutcomeOutput> = {}): ApprovalOutcomeOutput => ({
  ...base,
  kind: "ORDER",
  status: "APPROVED",
  restaurantName: "Burger Bonanza",
  order: { orderId: "o1", items: [deluxe(1)], totalCents: 1299 },
  ...extra,
});

describe("replies to outcomes", () => {
  it.each<[string, ApprovalOutcomeOutput, string]>([
    [
      "an answered question quotes the answer",
      {
        ...base,
        kind: "QUESTION",
        status: "ANSWERED",
        restaurantName: null,
        question: "Can I have dessert tonight?",
        note: "Yes, one scoop after dinner.",
      },
      "Jane says: “Yes, one scoop after dinner.” 🙂",
    ],
    [
      "an expired question offers to ask again",
      {
        ...base,
        kind: "QUESTION",
        status: "EXPIRED",
        restaurantName: null,
        question: "Can I have dessert?",
        decidedByName: null,
      },
      "Nobody answered your question “Can I have dessert?” in time. Want me to ask again?",
    ],
    [
      "a cancelled question gives the message",
      {
        ...base,
        kind: "QUESTION",
        status: "CANCELLED",
        restaurantName: null,
        question: "Can I have dessert?",
        note: "Sam was removed from the family.",
      },
      "Your question “Can I have dessert?” was cancelled (Sam was removed from the family). Want me to ask something else?",
    ],
    [
      "an edited order says what changed",
      approvedOrder({ changes: ["Deluxe Burger: 2 → 1"] }),
      "Jane changed your order: Deluxe Burger: 2 → 1. Your Deluxe Burger ($12.99) is on its way. 🍔",
    ],
    [
      "an order approved once",
      approvedOrder({ scope: "ONCE" }),
      "Good news, Jane said yes! Your Deluxe Burger ($12.99) is on its way. 🍔",
    ],
    [
      "a dish always allowed",
      approvedOrder({ scope: "ALWAYS_DISH" }),
      "Good news, Jane said yes! Your Deluxe Burger ($12.99) is on its way. 🍔 And you can have the Deluxe Burger any time now, without asking.",
    ],
    [
      "a restaurant always allowed with an order",
      approvedOrder({ scope: "ALWAYS_RESTAURANT" }),
      "Good news, Jane said yes! Your Deluxe Burger ($12.99) is on its way. 🍔 And you can order from Burger Bonanza any time now.",
    ],
    [
      "access always allowed",
      {
        ...base,
        kind: "RESTAURANT_ACCESS",
        status: "APPROVED",
        restaurantName: "Sushi World",
        scope: "ALWAYS_RESTAURANT",
      },
      "Good news, Jane said yes! You can order from Sushi World any time now. 🎉 Want to see the menu?",
    ],
    [
      "an order cancelled because the restaurant was removed",
      {
        ...base,
        kind: "ORDER",
        status: "CANCELLED",
        restaurantName: "Burger Bonanza",
        decidedByName: null,
        note: "Burger Bonanza was removed.",
      },
      "The request about your order from Burger Bonanza was cancelled (Burger Bonanza was removed), so nothing happened. Want to pick something else?",
    ],
    [
      "a denial without a note",
      { ...base, kind: "ORDER", status: "DENIED", restaurantName: "Burger Bonanza" },
      "Sorry, Jane said no to your order from Burger Bonanza this time. Want to pick something else? 🙂",
    ],
  ])("%s", (_name, outcome, expected) => {
    expect(outcomeReply(outcome)).toBe(expected);
  });
});
