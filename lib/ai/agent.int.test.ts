// The real-model path end to end: chooseModel → @ai-sdk/openai → a local server speaking the OpenAI
// streaming wire format → our tools → the real database.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { type FakeOpenAI, type FakeScript, startFakeOpenAI } from "@/lib/testing/fake-openai-server";
import { type Families, loadFamilies, newChatContext } from "@/lib/testing/fixtures";
import { streamAgentTurn } from "./agent";

let f: Families;
let fake: FakeOpenAI;
let script: FakeScript = () => ({ text: "unset" });

beforeAll(async () => {
  f = await loadFamilies();
  fake = await startFakeOpenAI((body, index) => script(body, index));
});
afterAll(() => fake.close());
afterEach(() => {
  vi.unstubAllEnvs();
  fake.requests.length = 0;
});

function useOpenAI() {
  vi.stubEnv("OPENAI_API_KEY", "test-key");
  vi.stubEnv("OPENAI_BASE_URL", fake.url);
  vi.stubEnv("OPENAI_MODEL", "lunchbox-test-model");
}

describe("streamAgentTurn with OPENAI_API_KEY", () => {
  it("offers only the child's tools, runs placeOrder on the database and streams the reply", async () => {
    useOpenAI();
    const burgers = f.a.restaurant("Burger Bonanza");
    const deluxe = f.a.dish("Deluxe Burger");
    script = (_body, index) =>
      index === 0
        ? {
            toolCalls: [
              {
                name: "placeOrder",
                arguments: { restaurantId: burgers.id, items: [{ dishId: deluxe.id, quantity: 1 }] },
              },
            ],
          }
        : { text: "I asked a parent for you." };
    const ctx = await newChatContext(f.a.henry, "I'd like the deluxe burger");

    const result = await streamAgentTurn({ ctx, messages: [{ role: "user", content: "I'd like the deluxe burger" }] });

    expect(await result.text).toBe("I asked a parent for you.");
    const [first, second] = fake.requests;
    expect(first?.body.model).toBe("lunchbox-test-model");
    expect(first?.body.tools?.map((t) => t.function.name).sort()).toEqual([
      "askParent",
      "getMenu",
      "getMyStatus",
      "listRestaurants",
      "placeOrder",
      "requestRestaurantAccess",
    ]);
    const toolMessage = second?.body.messages.find((m) => m.role === "tool");
    expect(JSON.parse(String(toolMessage?.content))).toMatchObject({ status: "pending", totalCents: 1299 });
    const request = await db.approvalRequest.findFirstOrThrow({ where: { chatId: ctx.chatId } });
    expect(request).toMatchObject({ status: "PENDING", kind: "ORDER", childWords: "I'd like the deluxe burger" });
    expect(await db.order.count({ where: { chatId: ctx.chatId } })).toBe(0);
  });

  it("a hostile model ordering another family's dish or an absurd quantity writes nothing", async () => {
    useOpenAI();
    const pizza = f.a.restaurant("Pizza Palace");
    script = (_body, index) =>
      index === 0
        ? {
            toolCalls: [
              {
                name: "placeOrder",
                arguments: { restaurantId: pizza.id, items: [{ dishId: f.b.dish("Bean Taco").id, quantity: 1 }] },
              },
              {
                name: "placeOrder",
                arguments: { restaurantId: pizza.id, items: [{ dishId: f.a.dish("Cheese Pizza").id, quantity: 500 }] },
              },
              { name: "approveRequest", arguments: { requestId: "anything" } },
            ],
          }
        : { text: "Sorry!" };
    const ctx = await newChatContext(f.a.henry, "order for me");
    const before = { orders: await db.order.count(), requests: await db.approvalRequest.count() };

    const result = await streamAgentTurn({ ctx, messages: [{ role: "user", content: "order for me" }] });
    await result.consumeStream();

    expect({ orders: await db.order.count(), requests: await db.approvalRequest.count() }).toEqual(before);
    const toolMessages = fake.requests[1]?.body.messages.filter((m) => m.role === "tool") ?? [];
    expect(toolMessages).toHaveLength(3);
    expect(String(toolMessages[0]?.content)).toContain("not on the menu");
  });

  it("the model's askParent call writes one QUESTION request; forged extra arguments are refused", async () => {
    useOpenAI();
    script = (_body, index) =>
      index === 0
        ? {
            toolCalls: [
              { name: "askParent", arguments: { question: "Can I have dessert tonight?" } },
              { name: "askParent", arguments: { question: "Approve me?", status: "ANSWERED", note: "yes" } },
            ],
          }
        : { text: "I asked your parents." };
    const ctx = await newChatContext(f.a.rose, "ask mum if I can have dessert tonight");

    const result = await streamAgentTurn({
      ctx,
      messages: [{ role: "user", content: "ask mum if I can have dessert" }],
    });

    expect(await result.text).toBe("I asked your parents.");
    const requests = await db.approvalRequest.findMany({ where: { chatId: ctx.chatId } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      kind: "QUESTION",
      status: "PENDING",
      snapshot: { kind: "QUESTION", question: "Can I have dessert tonight?" },
    });
    const toolMessages = fake.requests[1]?.body.messages.filter((m) => m.role === "tool") ?? [];
    expect(JSON.parse(String(toolMessages[0]?.content))).toMatchObject({ status: "pending" });
    expect(String(toolMessages[1]?.content)).toMatch(/invalid|unrecognized/i);
  });

  it("without a key it runs the offline model on the family's live catalogue", async () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    const ctx = await newChatContext(f.a.henry, "I want a cheese pizza");
    const result = await streamAgentTurn({ ctx, messages: [{ role: "user", content: "I want a cheese pizza" }] });
    expect(await result.text).toContain("Cheese Pizza");
    expect(fake.requests).toHaveLength(0);
    expect(await db.order.count({ where: { chatId: ctx.chatId } })).toBe(1);
  });
});

describe("streamAgentTurn with the offline model", () => {
  it("'ask mum if I can have ice cream' puts a question to the parents; 'what's waiting?' names it", async () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    await db.approvalRequest.updateMany({
      where: { childId: f.a.henry.id, status: "PENDING" },
      data: { status: "CANCELLED" },
    });
    const ctx = await newChatContext(f.a.henry, "ask mum if I can have ice cream");

    const asked = await streamAgentTurn({
      ctx,
      messages: [{ role: "user", content: "ask mum if I can have ice cream" }],
    });

    expect(await asked.text).toContain("I asked your parents: “Can I have ice cream?”");
    const request = await db.approvalRequest.findFirstOrThrow({ where: { chatId: ctx.chatId } });
    expect(request).toMatchObject({
      kind: "QUESTION",
      status: "PENDING",
      snapshot: { question: "Can I have ice cream?" },
    });

    const status = await streamAgentTurn({ ctx, messages: [{ role: "user", content: "what's waiting?" }] });
    expect(await status.text).toBe(
      "One thing is waiting for a parent: your question “Can I have ice cream?”. I'll tell you as soon as they answer. ⏳",
    );
  });
});
