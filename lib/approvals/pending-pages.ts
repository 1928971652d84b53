// The inbox's pages of waiting requests: what the URL may say and the links it makes. Pure, no I/O.

/**
 * Waiting requests per page. Twenty keeps a page's HTML small (each waiting card carries its forms) while a family
 * of four children at the default cap of five waiting each still fits on one page; a phone shows one or two cards
 * per screen, so a longer page is only more scrolling.
 */
export const PENDING_PAGE_SIZE = 20;

/**
 * A page is named by the request it starts at (`?from=<id>`), in the inbox's order (oldest first, then id): a
 * keyset cursor, so a page is read from the index however deep it is, and stays the same page when requests before
 * it are decided. No cursor: the first page.
 */
export type PendingCursor = { from?: string };

// Request ids are cuids; anything else in the URL is ignored (the first page is shown).
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parsePendingCursor(params: Record<string, string | string[] | undefined>): PendingCursor {
  const raw = params.from;
  const from = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  return REQUEST_ID.test(from) ? { from } : {};
}

export function inboxHref(cursor: PendingCursor): string {
  return cursor.from ? `/inbox?from=${encodeURIComponent(cursor.from)}` : "/inbox";
}
