// On PostgreSQL, event ids come from a sequence and a family's transactions may run side by side: without the
// family's lock a later id could commit first, and a reader past it (the family's feed, a client's Last-Event-ID)
// would skip the earlier event for good. writeEvent holds the lock, so a family's events commit in id order.
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadFamilies } from "@/lib/testing/fixtures";
import { getEventsAfter, getLatestEventId, writeEvent } from "./outbox";

/** Transactions of this database waiting for an advisory lock (the family's, lib/database/family-lock.ts). */
async function waitingForLock(): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ waiting: number }>>`
    SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_database d ON d.oid = l.database
    WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()`;
  return row?.waiting ?? 0;
}

it("a family's second event waits for the first one's transaction: no reader ever sees the later id first", async () => {
  const { a } = await loadFamilies();
  const family = { familyId: a.familyId, role: "PARENT" as const, userId: a.jane.id };
  const from = await getLatestEventId(a.familyId);
  const event = (n: number) => ({
    familyId: a.familyId,
    childId: null,
    type: "notification.updated" as const,
    data: { n },
  });
  let written = () => {};
  const firstWritten = new Promise<void>((resolve) => {
    written = resolve;
  });
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });

  const first = db.$transaction(async (tx) => {
    await writeEvent(tx, event(1));
    written();
    await gate;
  });
  await firstWritten;
  const second = db.$transaction((tx) => writeEvent(tx, event(2)));
  await expect.poll(waitingForLock).toBe(1);
  expect(await getEventsAfter(family, from)).toEqual([]);

  release();
  await Promise.all([first, second]);
  const events = await getEventsAfter(family, from);
  expect(events.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
  expect(events[0]?.id).toBeLessThan(events[1]?.id ?? 0);
});
