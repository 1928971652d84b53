import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notificationDueAt, quietHoursOf } from "./quiet-hours";
import type { NotificationReason } from "./types";

type RequestFacts = { id: string; familyId: string; expiresAt: Date };

type EnqueueInput = {
  request: RequestFacts;
  reason: NotificationReason;
  /** Whose channels; always narrowed to the family's active parents and enabled channels. */
  parents: Prisma.UserWhereInput;
  timeZone: string;
  now: Date;
  /** Urgent messages ignore quiet hours. */
  urgent: boolean;
};

/**
 * Writes one PENDING delivery per enabled channel of the chosen parents, in the caller's transaction: the
 * notification exists exactly when the change that causes it commits. Returns the parents it will reach.
 */
export async function enqueueDeliveries(tx: Tx, input: EnqueueInput): Promise<string[]> {
  const channels = await tx.notificationChannel.findMany({
    where: {
      familyId: input.request.familyId,
      enabled: true,
      parent: { AND: [input.parents, { familyId: input.request.familyId, role: "PARENT", active: true }] },
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, parentId: true, parent: { select: { quietStart: true, quietEnd: true } } },
  });
  if (channels.length === 0) return [];
  await tx.notificationDelivery.createMany({
    data: channels.map((channel) => {
      const dueAt = notificationDueAt({
        now: input.now,
        quiet: quietHoursOf(channel.parent),
        timeZone: input.timeZone,
        expiresAt: input.request.expiresAt,
        urgent: input.urgent,
      });
      return {
        familyId: input.request.familyId,
        requestId: input.request.id,
        parentId: channel.parentId,
        channelId: channel.id,
        reason: input.reason,
        dueAt,
        nextAttemptAt: dueAt,
      };
    }),
  });
  return [...new Set(channels.map((c) => c.parentId))];
}

/** A new request: every parent who wants to hear of every request (notifyOn ALL), quiet hours respected. */
export function enqueueNewRequest(tx: Tx, input: { request: RequestFacts; timeZone: string; now: Date }) {
  return enqueueDeliveries(tx, { ...input, reason: "NEW_REQUEST", parents: { notifyOn: "ALL" }, urgent: false });
}

/** The request left PENDING: what was not sent yet never will be. Call in the transaction that moved it. */
export async function cancelPendingDeliveries(tx: Tx, requestId: string): Promise<number> {
  const { count } = await tx.notificationDelivery.updateMany({
    where: { requestId, status: "PENDING" },
    data: { status: "CANCELLED" },
  });
  return count;
}
