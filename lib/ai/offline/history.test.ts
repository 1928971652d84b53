import type { LanguageModelV4Prompt } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import { buildIndex } from "./catalogue-index";
import { menuOf, SEED_CATALOGUE, toolCall, toolResult } from "./fixtures";
import { readTurn } from "./history";

const index = buildIndex(SEED_CATALOGUE);
const user = (text: string) => ({ role: "user" as const, content: [{ type: "text" as const, text }] });
const assistant = (text: string) => ({ role: "assistant" as const, content: [{ type: "text" as const, text }] });

describe("readTurn", () => {
  it("reads the child's latest words and the restaurant named before", () => {
    const prompt: LanguageModelV4Prompt = [
      { role: "system", content: "rules" },
      user("what's on the menu at Sushi World?"),
      assistant("Here it is"),
      user("tempura please"),
    ];
    const turn = readTurn(prompt, index);
    expect(turn).toMatchObject({
      kind: "user",
      text: "tempura please",
      context: { restaurantId: "r-sushi", previousUserText: "what's on the menu at Sushi World?" },
    });
  });

  it("takes the restaurant from the latest tool call and offers to ask about a locked menu", () => {
    const prompt: LanguageModelV4Prompt = [
      user("show me that french place menu"),
      { role: "assistant", content: [toolCall("c1", "getMenu", { restaurantId: "r-french" })] },
      { role: "tool", content: [toolResult("c1", "getMenu", menuOf("r-french"))] },
      assistant("Fancy French needs a parent's permission. Want me to ask them?"),
      user("yes"),
    ];
    const turn = readTurn(prompt, index);
    expect(turn.kind === "user" && turn.context).toEqual({
      restaurantId: "r-french",
      previousUserText: "show me that french place menu",
      offeredCall: { toolName: "requestRestaurantAccess", input: { restaurantId: "r-french" } },
    });
  });

  it("collects every result of the last step with the inputs they answered", () => {
    const a = { restaurantId: "r-pizza", items: [{ dishId: "d-cheese", quantity: 1 }] };
    const b = { restaurantId: "r-burger", items: [{ dishId: "d-fries", quantity: 1 }] };
    const prompt: LanguageModelV4Prompt = [
      user("cheese pizza and fries"),
      { role: "assistant", content: [toolCall("c1", "placeOrder", a), toolCall("c2", "placeOrder", b)] },
      { role: "tool", content: [toolResult("c1", "placeOrder", { status: "refused", message: "x" })] },
      { role: "tool", content: [toolResult("c2", "placeOrder", { status: "refused", message: "y" })] },
    ];
    const turn = readTurn(prompt, index);
    expect(turn.kind).toBe("tool-results");
    if (turn.kind !== "tool-results") return;
    expect(turn.userText).toBe("cheese pizza and fries");
    expect(turn.results.map((r) => [r.toolCallId, r.input])).toEqual([
      ["c1", a],
      ["c2", b],
    ]);
  });

  it("offers nothing when the last tool result asks for nothing", () => {
    const prompt: LanguageModelV4Prompt = [
      user("menu at pizza palace"),
      { role: "assistant", content: [toolCall("c1", "getMenu", { restaurantId: "r-pizza" })] },
      { role: "tool", content: [toolResult("c1", "getMenu", menuOf("r-pizza"))] },
      user("yes"),
    ];
    const turn = readTurn(prompt, index);
    expect(turn.kind === "user" && turn.context.offeredCall).toBeUndefined();
  });
});
