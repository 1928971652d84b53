import "server-only";
import { lockFamily } from "@/lib/database/family-lock";
import { type Db, db, type Tx } from "@/lib/db";

export type EventType = "request.created" | "request.resolved" | "order.placed" | "notification.updated";

export type OutboxEvent = { id: number; type: string; data: unknown; childId: string | null; createdAt: Date };

/**
 * Written in the same transaction as the change it announces; `notifyFamily` after commit wakes the streams.
 * Under the family's lock: ids come from a sequence, and on PostgreSQL a family's transactions would otherwise commit
 * side by side, a later id before an earlier one; every reader past the later one (the family's feed, a client's
 * Last-Event-ID) would then skip the earlier event for good. With the lock a family's events commit in id order.
 */
export async function writeEvent(
  tx: Tx,
  input: { familyId: string; childId: string | null; type: EventType; data: Record<string, unknown> },
): Promise<void> {
  await lockFamily(tx, input.familyId);
  await tx.event.create({ data: { ...input, data: input.data as object } });
}

type Audience = { familyId: string; role: "PARENT" | "CHILD"; userId: string };

/** Events after `afterId` that this user may see: a parent sees the family's, a child only its own. */
export async function getEventsAfter(
  audience: Audience,
  afterId: number,
  client: Db = db,
  limit = 100,
): Promise<OutboxEvent[]> {
  return client.event.findMany({
    where: {
      familyId: audience.familyId,
      id: { gt: afterId },
      ...(audience.role === "CHILD" ? { childId: audience.userId } : {}),
    },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, type: true, data: true, childId: true, createdAt: true },
  });
}

export async function getLatestEventId(familyId: string): Promise<number> {
  const last = await db.event.findFirst({ where: { familyId }, orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0;
}
