"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { toast } from "sonner";
import { type LiveEvent, useLiveEvents } from "@/components/live/use-live-events";

/** Re-renders the inbox from the server when a request arrives, is decided anywhere, or a notification goes out. */
export function InboxLive({ eventCursor }: { eventCursor: number }) {
  const router = useRouter();
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type === "request.created") toast("A new request is waiting for you.");
      // notification.updated: a delivery was sent or failed, so the cards' "who was notified" lines change.
      if (["request.created", "request.resolved", "notification.updated"].includes(event.type)) router.refresh();
    },
    [router],
  );
  useLiveEvents(eventCursor, onEvent);
  return null;
}
