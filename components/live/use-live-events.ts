"use client";

import { useEffect, useRef } from "react";

export type LiveEvent = { id: number; type: string; data: Record<string, unknown> };

const EVENT_TYPES = ["request.created", "request.resolved", "order.placed", "notification.updated"] as const;

/**
 * One EventSource per page on /api/events. The browser reconnects by itself and resends
 * Last-Event-ID, and the server replays what was missed, so no event is lost between reconnects.
 */
export function useLiveEvents(after: number, onEvent: (event: LiveEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    const source = new EventSource(`/api/events?after=${after}`);
    const listener = (message: MessageEvent<string>) => {
      try {
        handler.current({ id: Number(message.lastEventId), type: message.type, data: JSON.parse(message.data) });
      } catch {
        // a malformed frame is skipped; the next one still arrives
      }
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, listener);
    return () => source.close();
  }, [after]);
}
