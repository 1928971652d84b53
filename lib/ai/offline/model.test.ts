// End to end: the offline model driven by the real streamText loop, with canned tool results.
import type { LanguageModelV4Prompt, LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { type ModelMessage, stepCountIs, streamText } from "ai";
import { describe, expect, it } from "vitest";
import type { ApprovalOutcomeOutput } from "@/lib/ai/tools/contracts";
import { type FakeToolOptions, fakeOrder, fakeTools, menuOf, SEED_CATALOGUE, toolCall, toolResult } from "./fixtures";
import { createOfflineModel } from "./index";

async function chat(messages: ModelMessage[] | string, overrides: FakeToolOptions = {}) {
  const { calls, tools } = fakeTools(overrides);
  const history: ModelMessage[] = typeof messages === "string" ? [{ role: "user", content: messages }] : messages;
  const result = streamText({
    model: createOfflineModel({ catalogue: SEED_CATALOGUE, childName: "Sam" }),
    instructions: "You are Lunchbox.",
    tools,
    messages: history,
    stopWhen: stepCountIs(5),
  });
  const text = await result.text;
  const steps = await result.steps;
  return { text, calls, steps };
}

describe("offline model through streamText", () => {
  it("lists restaurants", async () => {
    const { text, calls, steps } = await chat("what restaurants can I order from?");
    expect(calls).toEqual([{ toolName: "listRestaurants", input: {} }]);
    expect(steps).toHaveLength(2);
    expect(text).toContain("• Burger Bonanza\n");
    expect(text).toContain("• Fancy French (needs a parent's permission)");
  });

  it("shows the menu at Pizza Palace with prices and premium marks", async () => {
    const { text, calls } = await chat("what's on the menu at Pizza Palace?");
    expect(calls).toEqual([{ toolName: "getMenu", input: { restaurantId: "r-pizza" } }]);
    expect(text).toContain("• Cheese Pizza — $8.99\n");
    expect(text).toContain("• Pepperoni Pizza — $10.99 (needs a parent's OK)");
  });

  it("orders a cheese pizza", async () => {
    const { text, calls } = await chat("I want a cheese pizza");
    expect(calls).toEqual([
      { toolName: "placeOrder", input: { restaurantId: "r-pizza", items: [{ dishId: "d-cheese", quantity: 1 }] } },
    ]);
    expect(text).toContain("Done! I ordered 1× Cheese Pizza from Pizza Palace ($8.99).");
  });

  it("splits an order over two restaurants and says where the pizzas come from", async () => {
    const { text, calls } = await chat("can I get two veggie pizzas and fries from burger bonanza");
    expect(calls).toEqual([
      { toolName: "placeOrder", input: { restaurantId: "r-pizza", items: [{ dishId: "d-veggie", quantity: 2 }] } },
      { toolName: "placeOrder", input: { restaurantId: "r-burger", items: [{ dishId: "d-fries", quantity: 1 }] } },
    ]);
    expect(text).toContain("Burger Bonanza doesn't have Veggie Pizza, so that comes from Pizza Palace.");
    expect(text).toContain("I ordered 2× Veggie Pizza from Pizza Palace ($18.98)");
    expect(text).toContain("I ordered 1× Fries from Burger Bonanza ($3.49)");
  });

  it("asks a parent about the deluxe burger and never claims approval", async () => {
    const { text, calls } = await chat("I'd like the deluxe burger");
    expect(calls).toEqual([
      { toolName: "placeOrder", input: { restaurantId: "r-burger", items: [{ dishId: "d-deluxe", quantity: 1 }] } },
    ]);
    expect(text).toContain("That needs a parent's OK because Deluxe Burger costs $12.99, above the $10.00 limit.");
    expect(text).toContain("I've asked them — I'll let you know as soon as they answer.");
    expect(text).not.toMatch(/said yes|approved|on its way/i);
  });

  it("requests access to Sushi World", async () => {
    const { text, calls } = await chat("can I order from Sushi World?");
    expect(calls).toEqual([{ toolName: "requestRestaurantAccess", input: { restaurantId: "r-sushi" } }]);
    expect(text).toContain("Sushi World needs a parent's permission");
  });

  it("answers thanks in one step without tools", async () => {
    const { text, calls, steps } = await chat("thank you!");
    expect(calls).toEqual([]);
    expect(steps).toHaveLength(1);
    expect(text).toBe("You're welcome, Sam! 😊 Enjoy your food!");
  });

  it("asks which burger instead of guessing", async () => {
    const { text, calls } = await chat("a burger");
    expect(calls).toEqual([]);
    expect(text).toContain("Classic Burger ($7.99) or Deluxe Burger ($12.99)");
  });

  it("apologises in plain words when a tool throws", async () => {
    const { text } = await chat("I want a cheese pizza", {
      placeOrder: () => {
        throw new Error("SQLITE_BUSY: database is locked");
      },
    });
    expect(text).toBe(
      "Sorry, I couldn't place your order: something went wrong on our side. Nothing was ordered. Could you try again in a moment?",
    );
  });

  it("passes on a refusal", async () => {
    const { text } = await chat("I want a cheese pizza", {
      placeOrder: () => ({ status: "refused", message: "Pizza Palace is closed right now." }),
    });
    expect(text).toBe("Sorry, I couldn't place that order. Pizza Palace is closed right now.");
  });

  it("orders within the restaurant whose menu was just shown", async () => {
    const history: ModelMessage[] = [
      { role: "user", content: "what's on the menu at Burger Bonanza?" },
      { role: "assistant", content: [toolCall("c1", "getMenu", { restaurantId: "r-burger" })] },
      { role: "tool", content: [toolResult("c1", "getMenu", menuOf("r-burger"))] },
      { role: "assistant", content: "Here's the menu at Burger Bonanza: …" },
      { role: "user", content: "the classic one please" },
    ];
    const { calls, text } = await chat(history);
    expect(calls).toEqual([
      { toolName: "placeOrder", input: { restaurantId: "r-burger", items: [{ dishId: "d-classic", quantity: 1 }] } },
    ]);
    expect(text).toContain("Done! I ordered 1× Classic Burger from Burger Bonanza ($7.99).");
  });

  it("answers a parent's approval written into the chat by the server", async () => {
    const outcome: ApprovalOutcomeOutput = {
      requestId: "q-1",
      kind: "ORDER",
      status: "APPROVED",
      restaurantName: "Burger Bonanza",
      decidedByName: "Joe",
      note: null,
      order: {
        orderId: "o-7",
        items: [{ dishId: "d-deluxe", name: "Deluxe Burger", quantity: 1, unitPriceCents: 1299, lineTotalCents: 1299 }],
        totalCents: 1299,
      },
    };
    const history: ModelMessage[] = [
      { role: "user", content: "I'd like the deluxe burger" },
      { role: "assistant", content: "That needs a parent's OK …" },
      { role: "assistant", content: [toolCall("a1", "approvalOutcome", { requestId: "q-1" })] },
      { role: "tool", content: [toolResult("a1", "approvalOutcome", outcome)] },
    ];
    const { text, calls } = await chat(history);
    expect(calls).toEqual([]);
    expect(text).toBe("Good news, Joe said yes! Your Deluxe Burger ($12.99) is on its way. 🍔");
  });

  it("asks again after an expiry when the child says yes", async () => {
    const order = { restaurantId: "r-burger", items: [{ dishId: "d-deluxe", quantity: 1 }] };
    const pending = fakeOrder(order);
    const expired: ApprovalOutcomeOutput = {
      requestId: "q-1",
      kind: "ORDER",
      status: "EXPIRED",
      restaurantName: "Burger Bonanza",
      decidedByName: null,
      note: null,
    };
    const history: ModelMessage[] = [
      { role: "user", content: "I'd like the deluxe burger" },
      { role: "assistant", content: [toolCall("c1", "placeOrder", order)] },
      { role: "tool", content: [toolResult("c1", "placeOrder", pending)] },
      { role: "assistant", content: [toolCall("a1", "approvalOutcome", { requestId: "q-1" })] },
      { role: "tool", content: [toolResult("a1", "approvalOutcome", expired)] },
      { role: "assistant", content: "Nobody answered … Want me to ask again?" },
      { role: "user", content: "yes please" },
    ];
    const { calls, text } = await chat(history);
    expect(calls).toEqual([{ toolName: "placeOrder", input: order }]);
    expect(text).toContain("That needs a parent's OK");
  });
});

describe("the LanguageModelV4 object", () => {
  const prompt = (text: string): LanguageModelV4Prompt => [
    { role: "system", content: "ignored" },
    { role: "user", content: [{ type: "text", text }] },
  ];

  it("streams text in small pieces with the spec's parts", async () => {
    const model = createOfflineModel({ catalogue: SEED_CATALOGUE });
    const { stream } = await model.doStream({ prompt: prompt("help") });
    const parts: LanguageModelV4StreamPart[] = [];
    const reader = stream.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
    expect(parts[0]).toEqual({ type: "stream-start", warnings: [] });
    expect(parts[1]).toEqual({ type: "text-start", id: "text-0" });
    const deltas = parts.flatMap((p) => (p.type === "text-delta" ? [p.delta] : []));
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.every((d) => d.trim().split(/\s+/).length <= 3)).toBe(true);
    expect(deltas.join("")).toMatch(/^I'm your Lunchbox helper!/);
    const finish = parts.at(-1);
    expect(finish?.type === "finish" && finish.finishReason).toEqual({ unified: "stop", raw: "stop" });
    expect(finish?.type === "finish" && finish.usage.outputTokens.total).toBeGreaterThan(0);
  });

  it("does not call a tool the caller did not offer", async () => {
    const model = createOfflineModel({ catalogue: SEED_CATALOGUE });
    const result = await model.doGenerate({ prompt: prompt("I want a cheese pizza"), toolChoice: { type: "none" } });
    expect(result.finishReason.unified).toBe("stop");
    expect(result.content).toEqual([{ type: "text", text: expect.stringContaining("can't do that right now") }]);
  });

  it("generates tool calls with JSON input and fresh ids on every turn", async () => {
    const model = createOfflineModel({ catalogue: SEED_CATALOGUE });
    const first = await model.doGenerate({ prompt: prompt("3 cheese pizzas") });
    const second = await model.doGenerate({ prompt: prompt("3 cheese pizzas") });
    expect(first.finishReason).toEqual({ unified: "tool-calls", raw: "tool-calls" });
    const [call] = first.content;
    expect(call?.type === "tool-call" && JSON.parse(call.input)).toEqual({
      restaurantId: "r-pizza",
      items: [{ dishId: "d-cheese", quantity: 3 }],
    });
    const idOf = (c: (typeof first.content)[number] | undefined) => (c?.type === "tool-call" ? c.toolCallId : "");
    expect(idOf(call)).toMatch(/^call_/);
    expect(idOf(second.content[0])).not.toBe(idOf(call));
  });
});
