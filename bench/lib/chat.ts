// A child's chat turn over HTTP, as useChat sends it, reading the UI message stream as it arrives.
import { randomUUID } from "node:crypto";
import { createParser } from "eventsource-parser";
import type { Client } from "./client";

export type TurnResult = {
  status: number;
  /** performance.now() when the first text delta arrived; NaN when none did. */
  firstTokenAt: number;
  endAt: number;
  /** The pending request the placeOrder tool made, if any. */
  requestId: string | null;
  text: string;
};

/** Reads a UI message stream (SSE of JSON chunks) to its end. */
export async function readUiStream(response: Response): Promise<Omit<TurnResult, "status">> {
  const result = { firstTokenAt: Number.NaN, endAt: Number.NaN, requestId: null as string | null, text: "" };
  const parser = createParser({
    onEvent(event) {
      if (event.data === "[DONE]") return;
      const chunk = JSON.parse(event.data) as { type: string; delta?: string; output?: { requestId?: string } };
      if (chunk.type === "text-delta") {
        if (Number.isNaN(result.firstTokenAt)) result.firstTokenAt = performance.now();
        result.text += chunk.delta ?? "";
      }
      if (chunk.type === "tool-output-available" && chunk.output?.requestId) result.requestId = chunk.output.requestId;
    },
  });
  const decoder = new TextDecoder();
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    parser.feed(decoder.decode(chunk.value, { stream: true }));
  }
  result.endAt = performance.now();
  return result;
}

export async function chatTurn(client: Client, text: string, chatId = `chat-${randomUUID()}`, path = "/api/chat") {
  const response = await client.fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      id: chatId,
      message: { id: `msg-${randomUUID()}`, role: "user", parts: [{ type: "text", text }] },
    }),
  });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return { chatId, status: response.status, ...(await readUiStream(response)) };
}

/** The child asks for `quantity` deluxe burgers (premium: a parent must decide); returns the request and chat. */
export async function askForDeluxe(child: Client, quantity: number) {
  const turn = await chatTurn(child, `I'd like ${quantity} deluxe burgers`);
  if (!turn.requestId) throw new Error(`no pending request from the chat turn: ${turn.text}`);
  return { requestId: turn.requestId, chatId: turn.chatId };
}

export async function decide(parent: Client, requestId: string, decision: "APPROVE" | "DENY" = "APPROVE") {
  const { status, body } = await parent.json<{ message?: string }>(`/api/requests/${requestId}/decision`, { decision });
  if (status !== 200) throw new Error(`decision on ${requestId}: ${status} ${body.message ?? ""}`);
}
