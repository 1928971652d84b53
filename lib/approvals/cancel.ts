import "server-only";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/authz";
import type { Tx } from "@/lib/db";
import { writeEvent } from "@/lib/events/outbox";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cancelPendingDeliveries } from "@/lib/notify/enqueue";

type CancelInput = {
  familyId: string;
  /** Which requests are concerned; always narrowed to this family's PENDING ones. */
  where: Prisma.ApprovalRequestWhereInput;
  /** Said to the child in the chat, e.g. "Burger Bonanza was removed by a parent, so this request was cancelled." */
  message: string;
  actor: Actor;
  now?: Date;
};

/**
 * Pending requests that can no longer happen (their restaurant, dish or child was removed) become CANCELLED,
 * each with its audit row and the event that lets the child's chat say so. Runs in the caller's transaction,
 * so the removal and the cancellations commit together. Each row moves by compare-and-swap on PENDING: a
 * decision that got there first is kept, never overwritten. Returns the ids it cancelled.
 */
export async function cancelPendingRequests(tx: Tx, input: CancelInput): Promise<string[]> {
  const now = input.now ?? new Date();
  const candidates = await tx.approvalRequest.findMany({
    where: { AND: [input.where, { familyId: input.familyId, status: "PENDING" }] },
    orderBy: { createdAt: "asc" },
    select: { id: true, childId: true, chatId: true },
  });
  const cancelled: string[] = [];
  for (const request of candidates) {
    const swapped = await tx.approvalRequest.updateMany({
      where: { id: request.id, familyId: input.familyId, status: "PENDING" },
      data: { status: "CANCELLED", note: input.message, decidedAt: now },
    });
    if (swapped.count !== 1) continue;
    await cancelPendingDeliveries(tx, request.id);
    await appendAudit(tx, {
      familyId: input.familyId,
      actor: { id: input.actor.id, role: input.actor.role },
      action: "request.cancelled",
      subjectType: "ApprovalRequest",
      subjectId: request.id,
      data: { childId: request.childId, message: input.message },
    });
    await writeEvent(tx, {
      familyId: input.familyId,
      childId: request.childId,
      type: "request.resolved",
      data: { requestId: request.id, chatId: request.chatId, status: "CANCELLED", decidedByName: input.actor.name },
    });
    cancelled.push(request.id);
  }
  return cancelled;
}
