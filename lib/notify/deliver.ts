import "server-only";
import { appendAudit, SYSTEM_ACTOR } from "@/lib/audit/append";
import { lockFamily } from "@/lib/database/family-lock";
import { db } from "@/lib/db";
import { createDecisionToken, decisionLinkUrl } from "@/lib/decision-links/token";
import { notifyFamily } from "@/lib/events/bus";
import { writeEvent } from "@/lib/events/outbox";
import { LEASE_MS, MAX_ATTEMPTS, retryDelayMs } from "./backoff";
import { senders as defaultSenders, type SenderRegistry } from "./channels";
import { composeMessage } from "./compose";
import { DeliveryError, type NotificationReason } from "./types";

export type DeliverOptions = {
  now?: Date;
  senders?: SenderRegistry;
  /** Most deliveries one pass claims. */
  limit?: number;
  random?: () => number;
};

export type DeliverSummary = { sent: number; retried: number; failed: number; cancelled: number };

type Claimed = { id: string; attempts: number; leaseUntil: Date };
type Outcome = keyof DeliverSummary;

/**
 * One pass of the outbox: claims due deliveries (and ones a crashed worker held past its lease) by
 * compare-and-swap, sends them outside any transaction, and records SENT, a retry with backoff, or FAILED.
 * Safe to run in several processes at once: each delivery is claimed by one of them.
 */
export async function deliverDue(options: DeliverOptions = {}): Promise<DeliverSummary> {
  const now = options.now ?? new Date();
  const summary: DeliverSummary = { sent: 0, retried: 0, failed: 0, cancelled: 0 };
  // Requests that left PENDING by a path that did not cancel their deliveries: nothing left to say.
  const orphans = await db.notificationDelivery.updateMany({
    where: { status: "PENDING", request: { status: { not: "PENDING" } } },
    data: { status: "CANCELLED" },
  });
  summary.cancelled += orphans.count;

  const due = await db.notificationDelivery.findMany({
    where: { status: { in: ["PENDING", "SENDING"] }, nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 20,
    select: { id: true, status: true, attempts: true, nextAttemptAt: true },
  });
  const claimed: Claimed[] = [];
  for (const row of due) {
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    // The CAS matches what was read (status, lease time, attempts): of two workers, one wins.
    const won = await db.notificationDelivery.updateMany({
      where: { id: row.id, status: row.status, nextAttemptAt: row.nextAttemptAt, attempts: row.attempts },
      data: { status: "SENDING", attempts: row.attempts + 1, nextAttemptAt: leaseUntil },
    });
    if (won.count === 1) claimed.push({ id: row.id, attempts: row.attempts + 1, leaseUntil });
  }
  const outcomes = await Promise.all(
    claimed.map((c) =>
      deliverOne(c, now, options.senders ?? defaultSenders, options.random ?? Math.random).catch((error) => {
        // Left SENDING: another pass takes it over when the lease runs out.
        console.error("Notification delivery failed unexpectedly", error);
        return "retried" as const;
      }),
    ),
  );
  for (const outcome of outcomes) summary[outcome] += 1;
  return summary;
}

async function deliverOne(claim: Claimed, now: Date, registry: SenderRegistry, random: () => number) {
  const delivery = await db.notificationDelivery.findUniqueOrThrow({
    where: { id: claim.id },
    include: {
      channel: true,
      parent: { select: { active: true } },
      request: {
        select: {
          id: true,
          kind: true,
          status: true,
          snapshot: true,
          reasons: true,
          createdAt: true,
          expiresAt: true,
          child: { select: { name: true } },
        },
      },
    },
  });
  const finish = (outcome: Outcome, data: Record<string, unknown>) => finishDelivery(delivery, claim, outcome, data);

  if (delivery.request.status !== "PENDING" || delivery.request.expiresAt <= now) {
    return finish("cancelled", { status: "CANCELLED", lastError: "The request was closed before it was sent." });
  }
  if (!delivery.channel.enabled || !delivery.parent.active) {
    return finish("cancelled", { status: "CANCELLED", lastError: "The channel was switched off." });
  }
  const send = registry[delivery.channel.kind as keyof SenderRegistry];
  if (!send) return finish("failed", { status: "FAILED", lastError: "This channel is not available on this server." });

  try {
    const rules = await db.rules.findFirst({
      where: { familyId: delivery.familyId },
      orderBy: { version: "desc" },
      select: { timeZone: true },
    });
    const message = composeMessage({
      deliveryId: delivery.id,
      reason: delivery.reason as NotificationReason,
      request: delivery.request,
      childName: delivery.request.child.name,
      timeZone: rules?.timeZone ?? "UTC",
      link: (action) =>
        decisionLinkUrl(
          createDecisionToken({
            requestId: delivery.requestId,
            parentId: delivery.parentId,
            action,
            expiresAt: delivery.request.expiresAt,
          }),
        ),
    });
    await send(delivery.channel.config, message);
    return finish("sent", { status: "SENT", sentAt: now, lastError: null });
  } catch (error) {
    const failure = error instanceof DeliveryError ? error : new DeliveryError(String(error).slice(0, 300));
    if (failure.disableChannel) await disableChannel(delivery, failure.message);
    if (failure.permanent || claim.attempts >= MAX_ATTEMPTS) {
      return finish("failed", { status: "FAILED", lastError: failure.message });
    }
    return finish("retried", {
      status: "PENDING",
      lastError: failure.message,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(claim.attempts, random)),
    });
  }
}

type DeliveryRow = { id: string; familyId: string; channelId: string; parentId: string; requestId: string };

/** Records the result only while this worker still holds the lease; a live update lets open inboxes show it. */
async function finishDelivery(
  delivery: DeliveryRow,
  claim: Claimed,
  outcome: Outcome,
  data: Record<string, unknown>,
): Promise<Outcome> {
  await db.$transaction(async (tx) => {
    // First, as in every transaction that changes a family's data: the event below takes the lock anyway.
    await lockFamily(tx, delivery.familyId);
    const { count } = await tx.notificationDelivery.updateMany({
      where: { id: delivery.id, status: "SENDING", nextAttemptAt: claim.leaseUntil },
      data,
    });
    if (count === 1 && outcome !== "retried") {
      await writeEvent(tx, {
        familyId: delivery.familyId,
        childId: null,
        type: "notification.updated",
        data: { requestId: delivery.requestId, deliveryId: delivery.id, status: data.status },
      });
    }
  });
  notifyFamily(delivery.familyId);
  return outcome;
}

/** A channel gone for good (an expired push subscription): switched off, audited, its queue cancelled. */
async function disableChannel(delivery: DeliveryRow, reason: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.notificationChannel.updateMany({
      where: { id: delivery.channelId, enabled: true },
      data: { enabled: false, disabledReason: reason },
    });
    if (count !== 1) return;
    await tx.notificationDelivery.updateMany({
      where: { channelId: delivery.channelId, status: "PENDING" },
      data: { status: "CANCELLED", lastError: "The channel was switched off." },
    });
    await appendAudit(tx, {
      familyId: delivery.familyId,
      actor: SYSTEM_ACTOR,
      action: "channel.disabled",
      subjectType: "NotificationChannel",
      subjectId: delivery.channelId,
      data: { parentId: delivery.parentId, reason },
    });
  });
}
