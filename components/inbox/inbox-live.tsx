"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { toast } from "sonner";
import { ResolutionsProvider } from "@/components/live/resolutions";
import type { LiveEvent } from "@/components/live/use-live-events";

/**
 * Re-renders the inbox from the server when a request arrives, is decided anywhere, or a notification goes out.
 * A card decided elsewhere swaps its buttons for "Decided by Jane at 18:04" at once (see DecidedElsewhere), before the refresh moves it.
 */
export function InboxLive({
  eventCursor,
  timeZone,
  children,
}: {
  eventCursor: number;
  timeZone: string;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type === "request.created") toast("A new request is waiting for you.");
      // notification.updated: a delivery was sent or failed, so the cards' "who was notified" lines change.
      if (["request.created", "request.resolved", "notification.updated"].includes(event.type)) router.refresh();
    },
    [router],
  );
  return (
    <ResolutionsProvider eventCursor={eventCursor} timeZone={timeZone} onEvent={onEvent}>
      {children}
    </ResolutionsProvider>
  );
}
