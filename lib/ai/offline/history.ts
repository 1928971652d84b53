// Reads the AI SDK prompt: what the latest turn is, and what earlier turns tell us (context).
import type { LanguageModelV4Prompt, LanguageModelV4ToolResultOutput } from "@ai-sdk/provider";
import { askParentInput, getMenuInput, placeOrderInput, requestRestaurantAccessInput } from "@/lib/ai/tools/contracts";
import type { CatalogueIndex } from "./catalogue-index";
import { normalize } from "./normalize";
import { parseMessage } from "./resolve";
import type { PlannedCall, TurnContext } from "./types";
import { ASK_WHAT } from "./wording";

export type ToolOutcome = {
  toolCallId: string;
  toolName: string;
  input: unknown;
  output: LanguageModelV4ToolResultOutput;
};

export type Turn =
  | { kind: "user"; text: string; context: TurnContext }
  | { kind: "tool-results"; results: ToolOutcome[]; userText?: string; context: TurnContext }
  | { kind: "other" };

type Message = LanguageModelV4Prompt[number];

export function readTurn(prompt: LanguageModelV4Prompt, index: CatalogueIndex): Turn {
  const last = prompt.at(-1);
  const userAt = prompt.findLastIndex((m) => m.role === "user");
  const userMessage = prompt[userAt];
  const userText = userMessage ? textOf(userMessage) : undefined;
  const context = userAt >= 0 ? contextBefore(prompt, userAt, index) : {};
  if (last?.role === "user") return { kind: "user", text: userText ?? "", context };
  if (last?.role !== "tool") return { kind: "other" };
  let first = prompt.length - 1;
  while (prompt[first - 1]?.role === "tool") first--;
  const results = prompt.slice(first).flatMap((m) => toolResults(m, prompt));
  return { kind: "tool-results", results, userText: userAt < first ? userText : undefined, context };
}

function textOf(message: Message): string {
  if (message.role === "system") return "";
  const parts = message.content as Array<{ type: string; text?: string }>;
  return parts
    .filter((p) => p.type === "text")
    .map((p) => p.text ?? "")
    .join(" ");
}

function toolResults(message: Message, prompt: LanguageModelV4Prompt): ToolOutcome[] {
  if (message.role !== "tool") return [];
  return message.content.flatMap((part) =>
    part.type === "tool-result" ? [{ ...part, input: callInput(prompt, part.toolCallId), output: part.output }] : [],
  );
}

function callInput(prompt: LanguageModelV4Prompt, toolCallId: string): unknown {
  for (const m of prompt) {
    if (m.role !== "assistant") continue;
    for (const part of m.content) {
      if (part.type === "tool-call" && part.toolCallId === toolCallId) return parseInput(part.input);
    }
  }
  return undefined;
}

function parseInput(input: unknown): unknown {
  if (typeof input !== "string") return input;
  try {
    return JSON.parse(input);
  } catch {
    return undefined;
  }
}

/** The JSON a tool answered with, when it answered normally. */
export function jsonOf(output: LanguageModelV4ToolResultOutput): Record<string, unknown> | undefined {
  const value = output.type === "json" ? output.value : undefined;
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function contextBefore(prompt: LanguageModelV4Prompt, userAt: number, index: CatalogueIndex): TurnContext {
  const earlier = prompt.slice(0, userAt);
  const previousUserAt = earlier.findLastIndex((m) => m.role === "user");
  const previousUser = earlier[previousUserAt];
  return {
    restaurantId: recentRestaurant(earlier, index),
    previousUserText: previousUser ? textOf(previousUser) : undefined,
    offeredCall: offeredCall(earlier.slice(previousUserAt + 1), prompt, index),
    ...(earlier.slice(previousUserAt + 1).some((m) => m.role === "assistant" && textOf(m).includes(ASK_WHAT))
      ? { awaitingQuestion: true }
      : {}),
  };
}

/** The restaurant most recently shown, ordered from, asked about or named by the child. */
function recentRestaurant(messages: Message[], index: CatalogueIndex): string | undefined {
  const known = (id: unknown) =>
    typeof id === "string" && index.restaurants.some((r) => r.id === id) ? id : undefined;
  for (const m of [...messages].reverse()) {
    if (m.role === "user") {
      const hit = parseMessage(index, normalize(textOf(m))).restaurants.at(-1);
      if (hit) return hit.restaurantId;
    }
    if (m.role !== "assistant") continue;
    for (const part of [...m.content].reverse()) {
      if (part.type !== "tool-call") continue;
      const input = parseInput(part.input) as { restaurantId?: unknown } | undefined;
      const id = known(input?.restaurantId);
      if (id) return id;
    }
  }
  return undefined;
}

/** A call the latest reply offered ("want me to ask again?", "want to see the menu?"). */
function offeredCall(since: Message[], prompt: LanguageModelV4Prompt, index: CatalogueIndex): PlannedCall | undefined {
  const last = since.flatMap((m) => toolResults(m, prompt)).at(-1);
  const value = last ? jsonOf(last.output) : undefined;
  if (!last || !value) return undefined;
  const input = last.input as { restaurantId?: unknown } | undefined;
  if (last.toolName === "getMenu" && value.status === "ok") {
    const restaurant = value.restaurant as { id?: unknown; access?: unknown } | undefined;
    if (restaurant?.access === "needs-permission") return accessCall(restaurant.id);
  }
  if (last.toolName === "requestRestaurantAccess" && value.status === "already-allowed")
    return menuCall(input?.restaurantId);
  if (last.toolName !== "approvalOutcome") return undefined;
  const original = originalRequest(prompt, value.requestId);
  const byName = index.restaurants.find((r) => r.name === value.restaurantName)?.id;
  if (value.status === "EXPIRED" && original) return validCall(original.toolName, original.input);
  if (value.status === "APPROVED" && value.kind === "RESTAURANT_ACCESS") {
    return menuCall((original?.input as { restaurantId?: unknown } | undefined)?.restaurantId ?? byName);
  }
  return undefined;
}

/** The placeOrder or requestRestaurantAccess call whose result carried this request id. */
function originalRequest(prompt: LanguageModelV4Prompt, requestId: unknown): ToolOutcome | undefined {
  if (typeof requestId !== "string") return undefined;
  return prompt
    .flatMap((m) => toolResults(m, prompt))
    .find((r) => r.toolName !== "approvalOutcome" && jsonOf(r.output)?.requestId === requestId);
}

const accessCall = (restaurantId: unknown) => validCall("requestRestaurantAccess", { restaurantId });
const menuCall = (restaurantId: unknown) => validCall("getMenu", { restaurantId });

/** Re-checked against the contracts, since it is rebuilt from history rather than from the catalogue. */
function validCall(toolName: string, input: unknown): PlannedCall | undefined {
  if (toolName === "getMenu") {
    const parsed = getMenuInput.safeParse(input);
    return parsed.success ? { toolName, input: parsed.data } : undefined;
  }
  if (toolName === "requestRestaurantAccess") {
    const parsed = requestRestaurantAccessInput.safeParse(input);
    return parsed.success ? { toolName, input: parsed.data } : undefined;
  }
  if (toolName === "askParent") {
    const parsed = askParentInput.safeParse(input);
    return parsed.success ? { toolName, input: parsed.data } : undefined;
  }
  if (toolName === "placeOrder") {
    const parsed = placeOrderInput.safeParse(input);
    return parsed.success ? { toolName, input: parsed.data } : undefined;
  }
  return undefined;
}
