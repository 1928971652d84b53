import { generateText, stepCountIs, streamText, type TextStreamPart, type ToolSet, tool } from "ai";
import { afterEach, describe, expect, it, vi } from "vitest";
import { chooseModel, DEFAULT_OPENAI_MODEL } from "@/lib/ai/model";
import {
  type GetMenuOutput,
  getMenuInput,
  type PlaceOrderInput,
  type PlaceOrderOutput,
  placeOrderInput,
} from "@/lib/ai/tools/contracts";
import { type FakeOpenAI, type FakeScript, startFakeOpenAI } from "@/lib/testing/fake-openai-server";

const ORDER = { restaurantId: "r1", items: [{ dishId: "d1", quantity: 2 }] };
const PLACED: PlaceOrderOutput = {
  status: "placed",
  orderId: "o1",
  restaurantName: "Pasta Place",
  items: [{ dishId: "d1", name: "Penne", quantity: 2, unitPriceCents: 450, lineTotalCents: 900 }],
  totalCents: 900,
};

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await fake?.close();
  fake = undefined;
});

async function openaiModel(script: FakeScript, env: { OPENAI_MODEL?: string } = {}) {
  fake = await startFakeOpenAI(script);
  const choice = chooseModel({ OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: fake.url, ...env });
  if (choice.kind !== "openai") throw new Error("expected an OpenAI model");
  return { model: choice.model, server: fake };
}

function makeTools() {
  const placeOrder = vi.fn(async (_input: PlaceOrderInput): Promise<PlaceOrderOutput> => PLACED);
  const getMenu = vi.fn(async (): Promise<GetMenuOutput> => ({ status: "not-found", message: "No such restaurant" }));
  const tools = {
    getMenu: tool({ description: "Show a menu", inputSchema: getMenuInput, execute: getMenu }),
    placeOrder: tool({ description: "Order dishes", inputSchema: placeOrderInput, execute: placeOrder }),
  } satisfies ToolSet;
  return { tools, placeOrder, getMenu };
}

async function collect<T extends ToolSet>(stream: AsyncIterable<TextStreamPart<T>>) {
  const parts: TextStreamPart<T>[] = [];
  for await (const part of stream) parts.push(part);
  const text = parts.map((p) => (p.type === "text-delta" ? p.text : "")).join("");
  return { parts, text };
}

describe("chooseModel", () => {
  it("is offline without an API key", () => {
    expect(chooseModel({})).toEqual({ kind: "offline" });
    expect(chooseModel({ OPENAI_API_KEY: "  ", OPENAI_MODEL: "gpt-4o" })).toEqual({ kind: "offline" });
  });

  it("reads process.env by default", () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    expect(chooseModel().kind).toBe("offline");
    vi.stubEnv("OPENAI_API_KEY", "from-env");
    expect(chooseModel().kind).toBe("openai");
  });

  it("uses the Chat Completions model with the default model id", () => {
    const choice = chooseModel({ OPENAI_API_KEY: "k" });
    if (choice.kind !== "openai" || typeof choice.model === "string") throw new Error("expected a model object");
    expect(choice.model.provider).toBe("openai.chat");
    expect(choice.model.modelId).toBe(DEFAULT_OPENAI_MODEL);
  });
});

describe("OpenAI model against a compatible server", () => {
  it("runs a tool loop: call, execute with parsed args, send the result back, stream the answer", async () => {
    const { model, server } = await openaiModel((_body, i) =>
      i === 0 ? { toolCalls: [{ name: "placeOrder", arguments: ORDER }] } : { text: "Your penne is on its way!" },
    );
    const { tools, placeOrder, getMenu } = makeTools();

    const result = streamText({ model, tools, prompt: "Two penne please", stopWhen: stepCountIs(5) });
    const { parts, text } = await collect(result.fullStream);

    expect(text).toBe("Your penne is on its way!");
    expect(placeOrder).toHaveBeenCalledTimes(1);
    expect(placeOrder.mock.calls[0]?.[0]).toEqual(ORDER);
    expect(getMenu).not.toHaveBeenCalled();
    expect(parts.filter((p) => p.type === "tool-error")).toEqual([]);

    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    expect(first?.headers.authorization).toBe("Bearer test-key");
    expect(first?.body.stream).toBe(true);
    expect(first?.body.tools?.map((t) => t.function.name).sort()).toEqual(["getMenu", "placeOrder"]);

    const messages = second?.body.messages ?? [];
    const call = messages.find((m) => m.role === "assistant")?.tool_calls?.[0];
    expect(call?.function.name).toBe("placeOrder");
    expect(JSON.parse(call?.function.arguments ?? "null")).toEqual(ORDER);
    const toolMessage = messages.find((m) => m.role === "tool");
    expect(toolMessage?.tool_call_id).toBe(call?.id);
    expect(JSON.parse(String(toolMessage?.content))).toEqual(PLACED);
  });

  it("does not execute a tool whose arguments break the contract", async () => {
    const bad = { restaurantId: "r1", items: [{ dishId: "d1", quantity: 0 }] };
    const { model, server } = await openaiModel((_body, i) =>
      i === 0 ? { toolCalls: [{ name: "placeOrder", arguments: bad }] } : { text: "Sorry, how many?" },
    );
    const { tools, placeOrder } = makeTools();

    const result = streamText({ model, tools, prompt: "Zero penne", stopWhen: stepCountIs(5) });
    const { parts, text } = await collect(result.fullStream);

    expect(placeOrder).not.toHaveBeenCalled();
    const errors = parts.filter((p) => p.type === "tool-error");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.toolName).toBe("placeOrder");
    // The model is told about the error and gets to answer.
    const toolMessage = server.requests[1]?.body.messages.find((m) => m.role === "tool");
    expect(String(toolMessage?.content)).toContain("error");
    expect(text).toBe("Sorry, how many?");
  });

  it("sends OPENAI_MODEL as the request's model", async () => {
    const { model, server } = await openaiModel(() => ({ text: "hi" }), { OPENAI_MODEL: "local-llama-3" });

    const { text } = await collect(streamText({ model, prompt: "hello" }).fullStream);

    expect(text).toBe("hi");
    expect(server.requests.map((r) => r.body.model)).toEqual(["local-llama-3"]);
  });

  it("also works without streaming (generateText gets chat.completion JSON)", async () => {
    const { model, server } = await openaiModel((_body, i) =>
      i === 0 ? { toolCalls: [{ name: "placeOrder", arguments: ORDER }] } : { text: "Done." },
    );
    const { tools, placeOrder } = makeTools();

    const result = await generateText({ model, tools, prompt: "Two penne", stopWhen: stepCountIs(5) });

    expect(result.text).toBe("Done.");
    expect(placeOrder.mock.calls[0]?.[0]).toEqual(ORDER);
    expect(server.requests.map((r) => r.body.stream ?? false)).toEqual([false, false]);
  });

  it("fake server refuses requests without a bearer key", async () => {
    fake = await startFakeOpenAI(() => ({ text: "never" }));
    const res = await fetch(`${fake.url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "m", messages: [] }),
    });
    expect(res.status).toBe(401);
  });
});
