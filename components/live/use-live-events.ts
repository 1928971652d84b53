"use client";

import { useEffect, useRef } from "react";

export type LiveEvent = { id: number; type: string; data: Record<string, unknown> };

const EVENT_TYPES = ["request.created", "request.resolved", "order.placed", "notification.updated"] as const;
const RETRY_MS = { first: 2_000, max: 30_000 };

/**
 * One EventSource per page on /api/events. The browser reconnects by itself after a dropped connection and resends
 * Last-Event-ID, and the server replays what was missed, so no event is lost between reconnects. An error answer
 * (a 502 from a proxy while the server restarts) closes an EventSource for good: then a new one is opened after a
 * pause, from the last event seen.
 */
export function useLiveEvents(after: number, onEvent: (event: LiveEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    let cursor = after;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = RETRY_MS.first;
    let stopped = false;

    const listener = (message: MessageEvent<string>) => {
      delay = RETRY_MS.first;
      try {
        const event = { id: Number(message.lastEventId), type: message.type, data: JSON.parse(message.data) };
        if (Number.isSafeInteger(event.id)) cursor = Math.max(cursor, event.id);
        handler.current(event);
      } catch {
        // a malformed frame is skipped; the next one still arrives
      }
    };
    const open = () => {
      source = new EventSource(`/api/events?after=${cursor}`);
      for (const type of EVENT_TYPES) source.addEventListener(type, listener);
      source.addEventListener("open", () => {
        delay = RETRY_MS.first;
      });
      source.addEventListener("error", () => {
        if (stopped || source?.readyState !== EventSource.CLOSED) return;
        source.close();
        retry = setTimeout(open, delay);
        delay = Math.min(RETRY_MS.max, delay * 2);
      });
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [after]);
}
