import "server-only";
import { addMinutes } from "date-fns";
import { appendAudit } from "@/lib/audit/append";
import type { Tx } from "@/lib/db";
import { writeEvent } from "@/lib/events/outbox";
import { failpoint } from "@/lib/failpoint";
import { enqueueNewRequest } from "@/lib/notify/enqueue";
import type { FamilyRules, Reason } from "@/lib/policy";
import { hashSnapshot, type Snapshot, snapshotRestaurant } from "./snapshot";

type CreateInput = {
  familyId: string;
  childId: string;
  chatId: string;
  toolCallId: string;
  snapshot: Snapshot;
  reasons: Reason[];
  childWords: string;
  rules: FamilyRules;
  now?: Date;
};

/** The child's pending request for exactly this snapshot, if there is one (asking again merges into it). */
export async function findIdenticalPending(tx: Tx, { childId, snapshot }: { childId: string; snapshot: Snapshot }) {
  return tx.approvalRequest.findFirst({
    where: { childId, kind: snapshot.kind, snapshotHash: hashSnapshot(snapshot), status: "PENDING" },
    select: { id: true },
  });
}

/**
 * Writes a PENDING request (before the chat may say "waiting"), with its audit row and event.
 * The same pending request asked again (same child, same snapshot) is returned, not duplicated, and notifies nobody
 * again. The parents' notifications are queued in the same transaction (lib/notify); wake the worker after commit.
 */
export async function createApprovalRequest(tx: Tx, input: CreateInput): Promise<{ id: string; merged: boolean }> {
  const snapshotHash = hashSnapshot(input.snapshot);
  const existing = await findIdenticalPending(tx, input);
  if (existing) return { id: existing.id, merged: true };

  const now = input.now ?? new Date();
  const request = await tx.approvalRequest.create({
    data: {
      familyId: input.familyId,
      childId: input.childId,
      chatId: input.chatId,
      toolCallId: input.toolCallId,
      kind: input.snapshot.kind,
      restaurantId: snapshotRestaurant(input.snapshot)?.id ?? null,
      snapshot: input.snapshot,
      snapshotHash,
      reasons: input.reasons,
      childWords: input.childWords.slice(0, 2000),
      rulesVersion: input.rules.version,
      expiresAt: addMinutes(now, input.rules.expiryMinutes),
      createdAt: now,
    },
    select: { id: true, familyId: true, expiresAt: true },
  });
  failpoint("create.after-row"); // crash test: request row written, no audit or event yet; all must roll back
  await appendAudit(tx, {
    familyId: input.familyId,
    actor: { id: input.childId, role: "CHILD" },
    action: "request.created",
    subjectType: "ApprovalRequest",
    subjectId: request.id,
    // The whole snapshot, so the trail alone says what was asked (restaurant, items and prices, or the question).
    data: {
      kind: input.snapshot.kind,
      snapshot: input.snapshot,
      reasons: input.reasons,
      snapshotHash,
      rulesVersion: input.rules.version,
    },
  });
  await writeEvent(tx, {
    familyId: input.familyId,
    childId: input.childId,
    type: "request.created",
    data: { requestId: request.id, kind: input.snapshot.kind },
  });
  await enqueueNewRequest(tx, { request, timeZone: input.rules.timeZone, now });
  return { id: request.id, merged: false };
}
