import "server-only";
import { onFamilyEvent } from "./bus";
import { getEventsAfter, type OutboxEvent } from "./outbox";

/** An object rather than a function, so an open stream is its own listener (no closure per stream). */
export type FeedListener = { deliver(events: OutboxEvent[]): void };

type Feed = { cursor: number; listeners: Set<FeedListener>; reading: boolean; again: boolean; stop: () => void };

const PAGE = 100;
// On globalThis like the bus, so a dev hot reload does not leave a second set of feeds behind.
const globalForFeeds = globalThis as unknown as { lunchboxFeeds?: Map<string, Feed> };
const feeds = globalForFeeds.lunchboxFeeds ?? new Map<string, Feed>();
globalForFeeds.lunchboxFeeds = feeds;

/**
 * One outbox read per family per wake-up, handed to every open stream of that family, instead of one read per
 * stream: with 200 children's tabs open, a decision used to run 200 queries one after another on the one SQLite
 * connection before the last child heard of it. Each listener gets every family event after the feed's cursor,
 * in id order, and filters what its user may see. A new listener passes the cursor it has replayed up to; the
 * feed never starts later than its first listener, and a later listener replays its own gap itself.
 */
export function subscribeFamilyFeed(familyId: string, fromId: number, listener: FeedListener): void {
  let feed = feeds.get(familyId);
  if (!feed) {
    const created: Feed = { cursor: fromId, listeners: new Set(), reading: false, again: false, stop: () => {} };
    created.stop = onFamilyEvent(familyId, () => void read(familyId, created));
    feeds.set(familyId, created);
    feed = created;
  }
  feed.listeners.add(listener);
}

/** A feed without listeners stops listening for its family's wake-ups and is dropped. */
export function unsubscribeFamilyFeed(familyId: string, listener: FeedListener): void {
  const feed = feeds.get(familyId);
  if (!feed?.listeners.delete(listener) || feed.listeners.size > 0) return;
  feed.stop();
  feeds.delete(familyId);
}

async function read(familyId: string, feed: Feed): Promise<void> {
  if (feed.reading) {
    feed.again = true;
    return;
  }
  feed.reading = true;
  try {
    do {
      feed.again = false;
      // The family's audience: every event of the family; each listener narrows it to its user.
      const events = await getEventsAfter({ familyId, role: "PARENT", userId: "" }, feed.cursor, undefined, PAGE);
      if (events.length > 0) {
        feed.cursor = events.at(-1)?.id ?? feed.cursor;
        for (const listener of feed.listeners) listener.deliver(events);
      }
      if (events.length === PAGE) feed.again = true;
    } while (feed.again && feed.listeners.size > 0);
  } catch (error) {
    console.error("SSE family feed read failed", error);
  } finally {
    feed.reading = false;
  }
}
