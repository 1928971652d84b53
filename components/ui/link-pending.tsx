"use client";

import { useLinkStatus } from "next/link";

/**
 * A small dot inside a <Link> that pulses while its page is on the way: chat pages have no loading.tsx (a skeleton
 * delayed the chat's first paint, B8), so a tap on a slow network needs this sign that it was taken. Always
 * rendered at a fixed size, so showing it shifts nothing.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden
      className={`ml-2 inline-block size-2 shrink-0 rounded-full bg-current transition-opacity ${pending ? "animate-pulse opacity-70" : "opacity-0"}`}
    />
  );
}
