import "server-only";
import { addMinutes } from "date-fns";
import { appendAudit, SYSTEM_ACTOR } from "@/lib/audit/append";
import { db, type Tx } from "@/lib/db";
import { notifyFamily } from "@/lib/events/bus";
import { writeEvent } from "@/lib/events/outbox";
import { enqueueDeliveries } from "./enqueue";

// Escalation and expiry warnings: each is claimed once per request (escalatedAt / warnedAt compare-and-swap)
// and queues its deliveries, audit row and live event in that same transaction.

type Pending = { id: string; familyId: string; childId: string; createdAt: Date; expiresAt: Date };
type FamilyTimers = { escalationMinutes: number | null; expiryWarningMinutes: number | null; timeZone: string };

/** The latest rules' timer settings of each family with a candidate request. */
async function timersOf(familyIds: string[]): Promise<Map<string, FamilyTimers>> {
  const timers = new Map<string, FamilyTimers>();
  for (const familyId of familyIds) {
    const rules = await db.rules.findFirst({
      where: { familyId },
      orderBy: { version: "desc" },
      select: { escalationMinutes: true, expiryWarningMinutes: true, timeZone: true },
    });
    if (rules) timers.set(familyId, rules);
  }
  return timers;
}

const pendingSelect = { id: true, familyId: true, childId: true, createdAt: true, expiresAt: true } as const;

/**
 * Requests still PENDING `escalationMinutes` after they were made: the parents who have not been reached yet
 * (no NEW_REQUEST delivery sent to them, e.g. notifyOn ESCALATION or in quiet hours) are told now. When every
 * parent with a channel was already reached, all of them get a "still waiting" reminder instead. Returns the
 * requests escalated.
 */
export async function escalateDueRequests({ now = new Date() }: { now?: Date } = {}): Promise<string[]> {
  const candidates = await db.approvalRequest.findMany({
    where: { status: "PENDING", escalatedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: pendingSelect,
  });
  const timers = await timersOf([...new Set(candidates.map((c) => c.familyId))]);
  const escalated: string[] = [];
  for (const request of candidates) {
    const family = timers.get(request.familyId);
    if (!family?.escalationMinutes || addMinutes(request.createdAt, family.escalationMinutes) > now) continue;
    const done = await db.$transaction(async (tx) => {
      if (!(await claim(tx, request.id, "escalatedAt", now))) return false;
      await escalate(tx, request, family, now);
      return true;
    });
    if (done) {
      escalated.push(request.id);
      notifyFamily(request.familyId);
    }
  }
  return escalated;
}

async function escalate(tx: Tx, request: Pending, family: FamilyTimers, now: Date): Promise<void> {
  const reachable = await tx.user.findMany({
    where: {
      familyId: request.familyId,
      role: "PARENT",
      active: true,
      channels: { some: { enabled: true } },
    },
    select: { id: true, name: true },
  });
  const reached = await tx.notificationDelivery.findMany({
    where: { requestId: request.id, reason: "NEW_REQUEST", status: "SENT" },
    select: { parentId: true },
  });
  const reachedIds = new Set(reached.map((d) => d.parentId));
  const notYet = reachable.filter((p) => !reachedIds.has(p.id));
  const stillWaiting = notYet.length === 0;
  const targets = stillWaiting ? reachable : notYet;
  // Nobody has a channel: the inbox is all there is, and nothing changed that a parent could see.
  if (targets.length === 0) return;
  // The escalation says everything the first message would have: a first message still queued is dropped.
  await tx.notificationDelivery.updateMany({
    where: {
      requestId: request.id,
      reason: "NEW_REQUEST",
      status: "PENDING",
      parentId: { in: targets.map((t) => t.id) },
    },
    data: { status: "CANCELLED", lastError: "Replaced by the escalation." },
  });
  await enqueueDeliveries(tx, {
    request,
    reason: "ESCALATION",
    parents: { id: { in: targets.map((t) => t.id) } },
    timeZone: family.timeZone,
    now,
    urgent: false,
  });
  await appendAudit(tx, {
    familyId: request.familyId,
    actor: SYSTEM_ACTOR,
    action: "request.escalated",
    subjectType: "ApprovalRequest",
    subjectId: request.id,
    data: {
      childId: request.childId,
      minutes: family.escalationMinutes,
      notified: targets.map((t) => t.name),
      reminder: stillWaiting,
    },
  });
  await writeEvent(tx, {
    familyId: request.familyId,
    childId: null,
    type: "notification.updated",
    data: { requestId: request.id, reason: "ESCALATION" },
  });
}

/**
 * Requests within `expiryWarningMinutes` of expiring and still PENDING: every active parent is warned, at once
 * (urgent, quiet hours or not). A request made inside that window gets no warning: its first message already
 * says when it expires. Returns the requests warned (claimed, even when no parent has a channel).
 */
export async function warnExpiringRequests({ now = new Date() }: { now?: Date } = {}): Promise<string[]> {
  const candidates = await db.approvalRequest.findMany({
    where: { status: "PENDING", warnedAt: null, expiresAt: { gt: now } },
    orderBy: { expiresAt: "asc" },
    take: 500,
    select: pendingSelect,
  });
  const timers = await timersOf([...new Set(candidates.map((c) => c.familyId))]);
  const warned: string[] = [];
  for (const request of candidates) {
    const family = timers.get(request.familyId);
    if (!family?.expiryWarningMinutes) continue;
    const warnAt = addMinutes(request.expiresAt, -family.expiryWarningMinutes);
    if (warnAt > now || warnAt <= request.createdAt) continue;
    const done = await db.$transaction(async (tx) => {
      if (!(await claim(tx, request.id, "warnedAt", now))) return false;
      const parents = await enqueueDeliveries(tx, {
        request,
        reason: "EXPIRY_WARNING",
        parents: {},
        timeZone: family.timeZone,
        now,
        urgent: true,
      });
      if (parents.length === 0) return true;
      await appendAudit(tx, {
        familyId: request.familyId,
        actor: SYSTEM_ACTOR,
        action: "request.expiry_warned",
        subjectType: "ApprovalRequest",
        subjectId: request.id,
        data: { childId: request.childId, minutes: family.expiryWarningMinutes, parents: parents.length },
      });
      await writeEvent(tx, {
        familyId: request.familyId,
        childId: null,
        type: "notification.updated",
        data: { requestId: request.id, reason: "EXPIRY_WARNING" },
      });
      return true;
    });
    if (done) {
      warned.push(request.id);
      notifyFamily(request.familyId);
    }
  }
  return warned;
}

/** Compare-and-swap on the request's timestamp: the first worker to set it does the work, once. */
async function claim(tx: Tx, requestId: string, field: "escalatedAt" | "warnedAt", now: Date): Promise<boolean> {
  const { count } = await tx.approvalRequest.updateMany({
    where: { id: requestId, status: "PENDING", [field]: null },
    data: { [field]: now },
  });
  return count === 1;
}
