// The offline model: a deterministic, rule-based stand-in for a real LLM, used when no OpenAI key is
// set and by the demo and end-to-end tests. It speaks the AI SDK's LanguageModelV4 protocol.
import type { LanguageModelV4, LanguageModelV4CallOptions } from "@ai-sdk/provider";
import { buildIndex } from "./catalogue-index";
import { respond } from "./respond";
import { emitCalls, finishReason, toContent, toStream, usage } from "./stream";
import type { OfflineCatalogue } from "./types";

export type { OfflineCatalogue } from "./types";

export type OfflineModelOptions = {
  catalogue: OfflineCatalogue;
  childName?: string;
  /** Pause between streamed text pieces; 0 (the default) for tests. */
  chunkDelayMs?: number;
  /** Tool call ids; the default is random so two identical turns never share one. */
  generateId?: () => string;
};

const UNAVAILABLE = "Sorry, I can't do that right now. 😕 Please try again in a little while.";

function randomCallId(): string {
  return `call_${globalThis.crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`;
}

// Built once per catalogue: a caller that keeps its catalogue (the family's cached facts, a fixture) reuses the
// index. Keyed by the restaurants array, which is never changed after it is made.
const indexes = new WeakMap<OfflineCatalogue["restaurants"], ReturnType<typeof buildIndex>>();

function indexOf(catalogue: OfflineCatalogue) {
  let index = indexes.get(catalogue.restaurants);
  if (!index) {
    index = buildIndex(catalogue);
    indexes.set(catalogue.restaurants, index);
  }
  return index;
}

export function createOfflineModel(options: OfflineModelOptions): LanguageModelV4 {
  const index = indexOf(options.catalogue);
  const nextId = options.generateId ?? randomCallId;

  function step(call: LanguageModelV4CallOptions) {
    let output = respond(call.prompt, index, options.childName);
    // Respect what the caller allows: no tools at all, or only some (activeTools).
    const allowed = call.tools?.map((t) => t.name);
    const refused =
      call.toolChoice?.type === "none" || output.calls.some((c) => allowed && !allowed.includes(c.toolName));
    if (refused && output.calls.length > 0) output = { text: UNAVAILABLE, calls: [] };
    const calls = emitCalls(output, nextId);
    // Text and tool calls never mix: a step either calls tools or answers.
    const text = calls.length > 0 ? "" : output.text;
    const promptChars = JSON.stringify(call.prompt).length;
    return { text, calls, finishReason: finishReason(calls), usage: usage(promptChars, text, calls) };
  }

  return {
    specificationVersion: "v4",
    provider: "lunchbox",
    modelId: "offline",
    supportedUrls: {},
    async doGenerate(call) {
      const { text, calls, finishReason, usage } = step(call);
      return { content: toContent(text, calls), finishReason, usage, warnings: [] };
    },
    async doStream(call) {
      const { text, calls, finishReason, usage } = step(call);
      const stream = toStream(
        text,
        calls,
        { finishReason, usage },
        { chunkDelayMs: options.chunkDelayMs, abortSignal: call.abortSignal },
      );
      return { stream };
    },
  };
}
