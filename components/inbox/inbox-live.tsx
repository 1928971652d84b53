"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { toast } from "sonner";
import { type LiveEvent, useLiveEvents } from "@/components/live/use-live-events";

/** Re-renders the inbox from the server when a request arrives or is decided anywhere. */
export function InboxLive({ eventCursor }: { eventCursor: number }) {
  const router = useRouter();
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type === "request.created") toast("A new request is waiting for you.");
      if (event.type === "request.created" || event.type === "request.resolved") router.refresh();
    },
    [router],
  );
  useLiveEvents(eventCursor, onEvent);
  return null;
}
