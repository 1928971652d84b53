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

  it("without a key it runs the offline model on the family's live catalogue", async () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    const ctx = await newChatContext(f.a.henry, "I want a cheese pizza");
    const result = await streamAgentTurn({ ctx, messages: [{ role: "user", content: "I want a cheese pizza" }] });
    expect(await result.text).toContain("Cheese Pizza");
    expect(fake.requests).toHaveLength(0);
    expect(await db.order.count({ where: { chatId: ctx.chatId } })).toBe(1);
  });
});
