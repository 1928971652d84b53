import "server-only";
import { appendAudit, SYSTEM_ACTOR } from "@/lib/audit/append";
import { db, type Tx } from "@/lib/db";
import { notifyFamily } from "@/lib/events/bus";
import { writeEvent } from "@/lib/events/outbox";
import { cancelPendingDeliveries } from "@/lib/notify/enqueue";

type Expirable = { id: string; familyId: string; childId: string; chatId: string };

/** PENDING → EXPIRED by compare-and-swap, with audit and event; false when something else got there first. */
export async function expireRequest(tx: Tx, request: Expirable, now: Date): Promise<boolean> {
  const swapped = await tx.approvalRequest.updateMany({
    where: { id: request.id, status: "PENDING" },
    data: { status: "EXPIRED", decidedAt: now },
  });
  if (swapped.count !== 1) return false;
  await cancelPendingDeliveries(tx, request.id);
  await appendAudit(tx, {
    familyId: request.familyId,
    actor: SYSTEM_ACTOR,
    action: "request.expired",
    subjectType: "ApprovalRequest",
    subjectId: request.id,
    data: { childId: request.childId },
  });
  await writeEvent(tx, {
    familyId: request.familyId,
    childId: request.childId,
    type: "request.resolved",
    data: {
      requestId: request.id,
      chatId: request.chatId,
      status: "EXPIRED",
      decidedByName: null,
      decidedAt: now.toISOString(),
    },
  });
  return true;
}

/** The sweeper: every request past its expiry becomes EXPIRED once. Returns how many it expired. */
export async function expireDueRequests({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const due = await db.approvalRequest.findMany({
    where: { status: "PENDING", expiresAt: { lte: now } },
    select: { id: true, familyId: true, childId: true, chatId: true },
    take: 500,
  });
  let expired = 0;
  for (const request of due) {
    const changed = await db.$transaction((tx) => expireRequest(tx, request, now));
    if (changed) {
      expired += 1;
      notifyFamily(request.familyId);
    }
  }
  return expired;
}
