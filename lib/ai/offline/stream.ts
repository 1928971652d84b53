// Packs a step's output as the provider spec wants it: stream parts for doStream, content for doGenerate.
import type {
  LanguageModelV4Content,
  LanguageModelV4FinishReason,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from "@ai-sdk/provider";
import type { StepOutput } from "./respond";

export type EmittedCall = { type: "tool-call"; toolCallId: string; toolName: string; input: string };

/** A few words per piece, so the chat visibly streams; the pieces join back to the exact text. */
export function chunkText(text: string, wordsPerChunk = 3): string[] {
  const pieces = text.match(/\s*\S+\s*/g) ?? [];
  const chunks: string[] = [];
  for (let i = 0; i < pieces.length; i += wordsPerChunk) chunks.push(pieces.slice(i, i + wordsPerChunk).join(""));
  return chunks;
}

export function emitCalls(output: StepOutput, nextId: () => string): EmittedCall[] {
  return output.calls.map((call) => ({
    type: "tool-call",
    toolCallId: nextId(),
    toolName: call.toolName,
    input: JSON.stringify(call.input),
  }));
}

export function finishReason(calls: EmittedCall[]): LanguageModelV4FinishReason {
  return calls.length > 0 ? { unified: "tool-calls", raw: "tool-calls" } : { unified: "stop", raw: "stop" };
}

/** Rough counts (about four characters a token); there is no real tokenizer offline. */
export function usage(promptChars: number, text: string, calls: EmittedCall[]): LanguageModelV4Usage {
  const input = Math.ceil(promptChars / 4);
  const textTokens = Math.ceil(text.length / 4);
  const output = textTokens + calls.reduce((n, c) => n + Math.ceil(c.input.length / 4), 0);
  return {
    inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: output, text: textTokens, reasoning: 0 },
  };
}

export function toContent(text: string, calls: EmittedCall[]): LanguageModelV4Content[] {
  return [...(text ? [{ type: "text" as const, text }] : []), ...calls];
}

export function toStream(
  text: string,
  calls: EmittedCall[],
  finish: { usage: LanguageModelV4Usage; finishReason: LanguageModelV4FinishReason },
  options: { chunkDelayMs?: number; abortSignal?: AbortSignal } = {},
): ReadableStream<LanguageModelV4StreamPart> {
  const id = "text-0";
  const parts: LanguageModelV4StreamPart[] = [
    { type: "stream-start", warnings: [] },
    ...(text
      ? [
          { type: "text-start" as const, id },
          ...chunkText(text).map((delta) => ({ type: "text-delta" as const, id, delta })),
          { type: "text-end" as const, id },
        ]
      : []),
    ...calls,
    { type: "finish", ...finish },
  ];
  const delay = options.chunkDelayMs ?? 0;
  let next = 0;
  let started = false;
  return new ReadableStream<LanguageModelV4StreamPart>({
    async pull(controller) {
      const part = parts[next++];
      if (!part || options.abortSignal?.aborted) {
        controller.close();
        return;
      }
      // The pause is between pieces: the first one goes out at once, as a real model's first token would.
      if (part.type === "text-delta") {
        if (started && delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        started = true;
      }
      controller.enqueue(part);
    },
  });
}
