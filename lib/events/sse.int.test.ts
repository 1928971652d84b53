// The event stream over the family's shared feed: each user gets what they may see, in order, once, both from the
// replay of what they missed and from the live feed, however the two overlap.
import { createParser } from "eventsource-parser";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type Actor, areStillActors } from "@/lib/authz";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { decideRequest } from "../approvals/decide";
import { getLatestEventId } from "./outbox";
import { createEventStream } from "./sse";

// The stream re-checks its user through lib/authz, which reads the database, not the session; Auth.js itself
// needs Next's server runtime.
vi.mock("@/lib/auth", () => ({ auth: async () => null }));
// The real authz module, its calls counted: how many reads of the users the streams make.
vi.mock("@/lib/authz", { spy: true });

let f: Families;
const open: AbortController[] = [];
/** The event lists (from `listen`) whose stream has ended. */
const ended = new Set<unknown>();

beforeAll(async () => {
  f = await loadFamilies();
});

afterEach(() => {
  for (const abort of open.splice(0)) abort.abort();
});

/** Opens a stream and collects its events' ids and types as they arrive. */
function listen(actor: Actor, afterId: number) {
  const abort = new AbortController();
  open.push(abort);
  const events: Array<{ id: number; type: string }> = [];
  const parser = createParser({
    onEvent: (e) => events.push({ id: Number(e.id), type: e.event ?? "" }),
  });
  const reader = createEventStream(actor, afterId, abort.signal).getReader();
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) {
        ended.add(events);
        return;
      }
      parser.feed(decoder.decode(chunk.value, { stream: true }));
    }
  })();
  return events;
}

async function ask(child: Actor, dishName: string, quantity = 1) {
  const dish = f.a.dish(dishName);
  const ctx = await newChatContext(child);
  const out = await submitOrder(
    ctx,
    { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity }] },
    toolCallId(),
  );
  if (out.status !== "pending") throw new Error(`expected a pending request, got ${out.status}`);
  return out.requestId;
}

const ids = (events: Array<{ id: number }>) => events.map((e) => e.id);

describe("createEventStream", () => {
  it("a parent gets every family event, each child only its own, live, in order, once", async () => {
    const start = await getLatestEventId(f.a.familyId);
    const jane = listen(f.a.jane, start);
    const henry = listen(f.a.henry, start);
    const rose = listen(f.a.rose, start);
    const henrysRequest = await ask(f.a.henry, "Deluxe Burger", 2);
    await ask(f.a.rose, "Deluxe Burger", 3);
    await decideRequest({ actor: f.a.jane, requestId: henrysRequest, decision: "DENY" });

    await expect.poll(() => jane.length).toBe(3);
    await expect.poll(() => henry.length).toBe(2);
    await expect.poll(() => rose.length).toBe(1);
    expect(jane.map((e) => e.type)).toEqual(["request.created", "request.created", "request.resolved"]);
    expect(henry.map((e) => e.type)).toEqual(["request.created", "request.resolved"]);
    expect(ids(henry)).toEqual([jane[0]?.id, jane[2]?.id]);
    expect(ids(rose)).toEqual([jane[1]?.id]);
    // Nothing arrives twice, later events included.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(jane).toHaveLength(3);
    expect(henry).toHaveLength(2);
  });

  it("a stream opened from an old cursor while events keep coming replays and follows without gaps or repeats", async () => {
    const from = await getLatestEventId(f.a.familyId);
    const early = listen(f.a.jane, from);
    await ask(f.a.henry, "Deluxe Burger", 4);
    await ask(f.a.rose, "Deluxe Burger", 4);
    // Joins the family's running feed with a cursor behind it: its own replay fills the gap.
    const late = listen(f.a.jane, from);
    const more = ask(f.a.henry, "Deluxe Burger", 5);
    await more;
    await expect.poll(() => early.length).toBe(3);
    await expect.poll(() => late.length).toBe(3);
    expect(ids(late)).toEqual(ids(early));
    for (let i = 1; i < late.length; i++) expect(late[i]?.id).toBeGreaterThan(late[i - 1]?.id ?? Infinity);
  });

  it("a stream whose cursor is ahead of the family's feed gets only what comes after its cursor", async () => {
    const first = await getLatestEventId(f.a.familyId);
    const parent = listen(f.a.joe, first);
    await ask(f.a.rose, "Sushi Platter");
    await expect.poll(() => parent.length).toBe(1);
    const ahead = listen(f.a.jane, await getLatestEventId(f.a.familyId));
    await ask(f.a.henry, "Pepperoni Pizza", 6);
    await expect.poll(() => parent.length).toBe(2);
    await expect.poll(() => ahead.length).toBe(1);
    expect(ids(ahead)).toEqual([parent[1]?.id]);
  });

  it("the streams a wake-up reaches share one read of their users, two tabs of one child included", async () => {
    const start = await getLatestEventId(f.a.familyId);
    const tab = listen(f.a.henry, start);
    const otherTab = listen(f.a.henry, start);
    const parent = listen(f.a.jane, start);
    const requestId = await ask(f.a.henry, "Deluxe Burger", 7);
    await expect.poll(() => [tab.length, otherTab.length, parent.length]).toEqual([1, 1, 1]);

    vi.mocked(areStillActors).mockClear();
    await decideRequest({ actor: f.a.jane, requestId, decision: "DENY" });
    await expect.poll(() => [tab.length, otherTab.length, parent.length]).toEqual([2, 2, 2]);
    expect(areStillActors).toHaveBeenCalledTimes(1);
    const asked = vi.mocked(areStillActors).mock.calls[0]?.[0].map((actor) => actor.name);
    expect(asked?.sort()).toEqual(["Henry", "Henry", "Jane"]);
  });

  it("a child removed between two wake-ups gets nothing from the second, and the stream ends", async () => {
    const start = await getLatestEventId(f.a.familyId);
    const henry = listen(f.a.henry, start);
    const parent = listen(f.a.jane, start);
    const requestId = await ask(f.a.henry, "Deluxe Burger", 8);
    await expect.poll(() => [henry.length, parent.length]).toEqual([1, 1]);

    await db.user.update({ where: { id: f.a.henry.id }, data: { active: false } });
    try {
      await decideRequest({ actor: f.a.jane, requestId, decision: "DENY" });
      // The same wake-up reached the parent, so the child's stream has had its turn too.
      await expect.poll(() => parent.map((e) => e.type)).toEqual(["request.created", "request.resolved"]);
      await expect.poll(() => ended.has(henry)).toBe(true);
      expect(henry.map((e) => e.type)).toEqual(["request.created"]);
      expect(ended.has(parent)).toBe(false);
    } finally {
      await db.user.update({ where: { id: f.a.henry.id }, data: { active: true } });
    }
  });
});
