// A Server-Sent Events client for specs: a real streaming fetch parsed by eventsource-parser, with the session
// cookie of a signed-in API client and, like a reconnecting EventSource, an optional Last-Event-ID.
import { type APIRequestContext, expect } from "@playwright/test";
import { createParser, type EventSourceMessage } from "eventsource-parser";

export type LiveStream = {
  status: number;
  headers: Headers;
  events: EventSourceMessage[];
  comments: string[];
  /** The server closed the stream or the connection dropped (EventSource would now reconnect). */
  ended: boolean;
  /** Waits until `ready()` holds for what has arrived so far. */
  until(ready: (stream: LiveStream) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
};

export async function openStream(
  baseURL: string,
  client: APIRequestContext,
  lastEventId?: string,
): Promise<LiveStream> {
  const cookies = (await client.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const abort = new AbortController();
  const response = await fetch(new URL("/api/events", baseURL), {
    headers: {
      cookie: cookies,
      accept: "text/event-stream",
      // As a browser's EventSource asks: the stream must come back uncompressed all the same (a compressor holds
      // small frames back).
      "accept-encoding": "gzip, deflate, br",
      ...(lastEventId ? { "last-event-id": lastEventId } : {}),
    },
    signal: abort.signal,
  });
  const stream: LiveStream = {
    status: response.status,
    headers: response.headers,
    events: [],
    comments: [],
    ended: false,
    async until(ready, timeoutMs = 10_000) {
      await expect.poll(() => ready(stream), { timeout: timeoutMs }).toBe(true);
    },
    close: () => abort.abort(),
  };
  const parser = createParser({
    onEvent: (event) => stream.events.push(event),
    onComment: (comment) => stream.comments.push(comment.trim()),
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        parser.feed(decoder.decode(chunk.value, { stream: true }));
      }
    } catch {
      // closed by close(), or the connection dropped
    }
    stream.ended = true;
  })();
  return stream;
}
