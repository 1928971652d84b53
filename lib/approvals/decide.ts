import "server-only";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notifyFamily } from "@/lib/events/bus";
import { writeEvent } from "@/lib/events/outbox";
import { placeOrderFromSnapshot } from "@/lib/orders/place";
import { type DecisionScope, evaluateExecution, explainReasons, type Reason } from "@/lib/policy";
import { expireRequest } from "./expire";
import type { OrderSnapshot, Snapshot } from "./snapshot";

export type Decision = "APPROVE" | "DENY";
export type Scope = DecisionScope;

export type DecideInput = {
  actor: Actor;
  requestId: string;
  decision: Decision;
  scope?: Scope;
  note?: string;
  now?: Date;
};

export type DecideResult =
  | { outcome: "decided"; status: "APPROVED" | "DENIED"; repeated: boolean; decidedByName: string; decidedAt: Date }
  | { outcome: "already-decided"; status: string; decidedByName: string | null; decidedAt: Date | null }
  | { outcome: "expired" }
  | { outcome: "cancelled"; message: string };

const TARGET = { APPROVE: "APPROVED", DENY: "DENIED" } as const;

/**
 * A parent's decision, exactly once: one transaction holds the compare-and-swap PENDING → APPROVED|DENIED,
 * the effect (an order from the approved snapshot, or an access grant), the audit row and the event.
 * Deciding again gives the first result back (same decision) or says who already decided.
 */
export async function decideRequest(input: DecideInput): Promise<DecideResult> {
  if (input.actor.role !== "PARENT") throw new AppError("forbidden:decision", "Only a parent can decide.");
  const now = input.now ?? new Date();
  const note = input.note?.trim().slice(0, 500) || null;

  const result = await db.$transaction(async (tx): Promise<DecideResult> => {
    const request = await tx.approvalRequest.findFirst({
      where: { id: input.requestId, familyId: input.actor.familyId },
      include: { decidedBy: { select: { name: true } } },
    });
    if (!request) throw new AppError("not_found:request", "That request does not exist.");

    if (request.status !== "PENDING") return describeExisting(request, input.decision);
    if (request.expiresAt <= now) {
      await expireRequest(tx, request, now);
      return { outcome: "expired" };
    }

    const status = TARGET[input.decision];
    const scope = request.kind === "RESTAURANT_ACCESS" && status === "APPROVED" ? (input.scope ?? "ONCE") : null;
    const swapped = await tx.approvalRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status, decidedById: input.actor.id, decidedAt: now, note, decisionScope: scope },
    });
    // Another decision won the race between our read and our write: report it instead.
    if (swapped.count !== 1) {
      const winner = await tx.approvalRequest.findUniqueOrThrow({
        where: { id: request.id },
        include: { decidedBy: { select: { name: true } } },
      });
      return describeExisting(winner, input.decision);
    }

    const snapshot = request.snapshot as unknown as Snapshot;
    if (status === "APPROVED") {
      const refusal = await applyEffect(tx, { request, snapshot, actor: input.actor, scope });
      if (refusal) return cancelForChangedRules(tx, request, refusal, input.actor);
    }
    await appendAudit(tx, {
      familyId: request.familyId,
      actor: { id: input.actor.id, role: "PARENT" },
      action: status === "APPROVED" ? "request.approved" : "request.denied",
      subjectType: "ApprovalRequest",
      subjectId: request.id,
      data: { childId: request.childId, kind: request.kind, note, scope, snapshotHash: request.snapshotHash },
    });
    await writeEvent(tx, {
      familyId: request.familyId,
      childId: request.childId,
      type: "request.resolved",
      data: { requestId: request.id, chatId: request.chatId, status, decidedByName: input.actor.name },
    });
    return { outcome: "decided", status, repeated: false, decidedByName: input.actor.name, decidedAt: now };
  });
  notifyFamily(input.actor.familyId);
  return result;
}

type RequestRow = NonNullable<Awaited<ReturnType<typeof db.approvalRequest.findFirst>>>;

async function applyEffect(
  tx: Tx,
  { request, snapshot, actor, scope }: { request: RequestRow; snapshot: Snapshot; actor: Actor; scope: Scope | null },
): Promise<Reason[] | null> {
  if (snapshot.kind === "QUESTION") return null;
  const restaurant = await tx.restaurant.findFirst({
    where: { id: snapshot.restaurant.id, familyId: request.familyId },
    select: { name: true, restricted: true, archived: true },
  });
  const restaurantFacts = restaurant ?? { name: snapshot.restaurant.name, restricted: true, archived: true };

  if (snapshot.kind === "RESTAURANT_ACCESS") {
    const verdict = evaluateExecution(restaurantFacts, []);
    if (verdict.verdict === "refuse") return verdict.reasons;
    const grant = await tx.accessGrant.create({
      data: {
        familyId: request.familyId,
        childId: request.childId,
        restaurantId: snapshot.restaurant.id,
        scope: scope === "ALWAYS_RESTAURANT" ? "ALWAYS" : "ONCE",
        approvalRequestId: request.id,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      familyId: request.familyId,
      actor: { id: actor.id, role: "PARENT" },
      action: "grant.created",
      subjectType: "AccessGrant",
      subjectId: grant.id,
      data: { childId: request.childId, restaurant: snapshot.restaurant.name, scope },
    });
    return null;
  }

  const order: OrderSnapshot = snapshot;
  const dishes = await tx.dish.findMany({
    where: { id: { in: order.items.map((i) => i.dishId) }, familyId: request.familyId },
    select: { id: true, archived: true },
  });
  const archived = new Set(dishes.filter((d) => d.archived).map((d) => d.id));
  const present = new Set(dishes.map((d) => d.id));
  const verdict = evaluateExecution(
    restaurantFacts,
    order.items.map((i) => ({
      name: i.name,
      unitPriceCents: i.unitPriceCents,
      quantity: i.quantity,
      archived: archived.has(i.dishId) || !present.has(i.dishId),
    })),
  );
  if (verdict.verdict === "refuse") return verdict.reasons;
  await placeOrderFromSnapshot(tx, {
    familyId: request.familyId,
    childId: request.childId,
    chatId: request.chatId,
    snapshot: order,
    actor: { id: actor.id, role: "PARENT" },
    approvalRequestId: request.id,
  });
  return null;
}

/** The world changed since the request (restaurant or dish removed): nothing is ordered, the child is told. */
async function cancelForChangedRules(
  tx: Tx,
  request: RequestRow,
  reasons: Reason[],
  actor: Actor,
): Promise<DecideResult> {
  const message = explainReasons(reasons).join(" ");
  await tx.approvalRequest.update({ where: { id: request.id }, data: { status: "CANCELLED", note: message } });
  await appendAudit(tx, {
    familyId: request.familyId,
    actor: { id: actor.id, role: "PARENT" },
    action: "request.cancelled",
    subjectType: "ApprovalRequest",
    subjectId: request.id,
    data: { reasons, attempted: "APPROVE" },
  });
  await writeEvent(tx, {
    familyId: request.familyId,
    childId: request.childId,
    type: "request.resolved",
    data: { requestId: request.id, chatId: request.chatId, status: "CANCELLED", decidedByName: actor.name },
  });
  return { outcome: "cancelled", message };
}

function describeExisting(
  request: { status: string; decidedAt: Date | null; decidedBy: { name: string } | null },
  decision: Decision,
): DecideResult {
  if (request.status === "EXPIRED") return { outcome: "expired" };
  if (request.status === TARGET[decision] && request.decidedAt) {
    return {
      outcome: "decided",
      status: TARGET[decision],
      repeated: true,
      decidedByName: request.decidedBy?.name ?? "a parent",
      decidedAt: request.decidedAt,
    };
  }
  return {
    outcome: "already-decided",
    status: request.status,
    decidedByName: request.decidedBy?.name ?? null,
    decidedAt: request.decidedAt,
  };
}
