import "server-only";
import { z } from "zod";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notifyFamily } from "@/lib/events/bus";
import { writeEvent } from "@/lib/events/outbox";
import { cancelPendingDeliveries } from "@/lib/notify/enqueue";
import { type DecideResult, type DecisionVia, describeExisting } from "./decide";
import { expireRequest } from "./expire";
import type { Snapshot } from "./snapshot";

export const MAX_ANSWER_LENGTH = 500;

export const answerInput = z
  .string({ error: "Write a reply." })
  .trim()
  .min(1, "Write a reply.")
  .max(MAX_ANSWER_LENGTH, `Keep the reply under ${MAX_ANSWER_LENGTH} characters.`);

/**
 * A parent's reply to a child's question, exactly once: compare-and-swap PENDING → ANSWERED with the answer as
 * the note, the audit row and the event that wakes the child's chat, in one transaction. A second reply (by
 * anyone) is told who answered first; nothing changes.
 */
export async function answerQuestion(input: {
  actor: Actor;
  requestId: string;
  answer: string;
  now?: Date;
  /** As for decideRequest: where the reply was made, and a step run first in its transaction. */
  via?: DecisionVia;
  claim?: (tx: Tx) => Promise<void>;
}): Promise<DecideResult> {
  if (input.actor.role !== "PARENT") throw new AppError("forbidden:decision", "Only a parent can answer.");
  const parsed = answerInput.safeParse(input.answer);
  if (!parsed.success) throw new AppError("bad_request:answer", parsed.error.issues[0]?.message ?? "Write a reply.");
  const answer = parsed.data;
  const now = input.now ?? new Date();

  const result = await db.$transaction(async (tx): Promise<DecideResult> => {
    await input.claim?.(tx);
    const request = await tx.approvalRequest.findFirst({
      where: { id: input.requestId, familyId: input.actor.familyId },
      include: { decidedBy: { select: { name: true } } },
    });
    if (!request) throw new AppError("not_found:request", "That request does not exist.");
    if (request.kind !== "QUESTION") {
      throw new AppError("bad_request:answer", "Only a question can be answered; approve or deny this request.");
    }
    // A second reply is never a repeat: it is told who answered, even with the same words.
    if (request.status !== "PENDING") return describeExisting(request, null);
    if (request.expiresAt <= now) {
      await expireRequest(tx, request, now);
      return { outcome: "expired" };
    }

    const swapped = await tx.approvalRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status: "ANSWERED", decidedById: input.actor.id, decidedAt: now, note: answer },
    });
    if (swapped.count !== 1) {
      const winner = await tx.approvalRequest.findUniqueOrThrow({
        where: { id: request.id },
        include: { decidedBy: { select: { name: true } } },
      });
      return describeExisting(winner, null);
    }
    await cancelPendingDeliveries(tx, request.id);
    const snapshot = request.snapshot as unknown as Snapshot;
    await appendAudit(tx, {
      familyId: request.familyId,
      actor: { id: input.actor.id, role: "PARENT" },
      action: "request.answered",
      subjectType: "ApprovalRequest",
      subjectId: request.id,
      data: {
        childId: request.childId,
        question: snapshot.kind === "QUESTION" ? snapshot.question : null,
        answer,
        ...(input.via ? { via: input.via } : {}),
      },
    });
    await writeEvent(tx, {
      familyId: request.familyId,
      childId: request.childId,
      type: "request.resolved",
      data: {
        requestId: request.id,
        chatId: request.chatId,
        status: "ANSWERED",
        decidedByName: input.actor.name,
        decidedAt: now.toISOString(),
      },
    });
    return { outcome: "decided", status: "ANSWERED", repeated: false, decidedByName: input.actor.name, decidedAt: now };
  });
  notifyFamily(input.actor.familyId);
  return result;
}
