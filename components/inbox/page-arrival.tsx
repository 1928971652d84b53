"use client";

import { useEffect } from "react";

// The inbox page last shown in this document, across client navigations (the page remounts on each).
let shownPage: string | null = null;

/**
 * Keeps the address bar on the page of requests shown, so a reload or a live refresh shows the same page (when
 * every request from the asked page on was decided, the server shows the last page left and names it here). When
 * another page came into view (a page link, or that fallback), focus moves to the heading, so keyboard and screen
 * reader users start reading at the top of the new page instead of at a link that is gone.
 */
export function PageArrival({ href, headingId }: { href: string; headingId: string }) {
  useEffect(() => {
    if (`${window.location.pathname}${window.location.search}` !== href) window.history.replaceState(null, "", href);
    if (shownPage !== null && shownPage !== href) document.getElementById(headingId)?.focus();
    shownPage = href;
  }, [href, headingId]);
  return null;
}
