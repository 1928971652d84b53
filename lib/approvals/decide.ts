import "server-only";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/authz";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notifyFamily } from "@/lib/events/bus";
import { writeEvent } from "@/lib/events/outbox";
import { failpoint } from "@/lib/failpoint";
import { cancelPendingDeliveries } from "@/lib/notify/enqueue";
import { placeOrderFromSnapshot } from "@/lib/orders/place";
import { type DecisionScope, evaluateExecution, explainReasons, isPremium, type Reason } from "@/lib/policy";
import { buildOrderEdit, type OrderEdit } from "./edit";
import { expireRequest } from "./expire";
import { createGrant } from "./grants";
import { offeredScopes, SCOPE_LABELS } from "./scope";
import type { OrderSnapshot, Snapshot } from "./snapshot";
import { getStoredChanges } from "./stored-changes";

export type Decision = "APPROVE" | "DENY";
export type Scope = DecisionScope;

export type DecideInput = {
  actor: Actor;
  requestId: string;
  decision: Decision;
  /** What an approval allows; "ONCE" when not given. Must be one the request offers (see offeredScopes). */
  scope?: Scope;
  note?: string;
  /** A parent's edit of a pending order, `{ items: [{ dishId, quantity }] }`, checked here (approve only). */
  edit?: unknown;
  now?: Date;
  /** Where the decision was made, recorded in the audit row (e.g. "link" for a one-tap decision link). */
  via?: DecisionVia;
  /**
   * Runs first inside the decision's transaction: what it writes commits or rolls back with the decision, and
   * when it throws nothing is decided. A one-tap link records its single use here.
   */
  claim?: (tx: Tx) => Promise<void>;
};

export type DecisionVia = "inbox" | "api" | "link";

export type DecideResult =
  | {
      outcome: "decided";
      status: "APPROVED" | "DENIED" | "ANSWERED";
      repeated: boolean;
      decidedByName: string;
      decidedAt: Date;
      /** For an order approved with changes: the changes in words. */
      changes?: string[];
    }
  | { outcome: "already-decided"; status: string; decidedByName: string | null; decidedAt: Date | null }
  | { outcome: "expired" }
  | { outcome: "cancelled"; message: string };

const TARGET = { APPROVE: "APPROVED", DENY: "DENIED" } as const;

/**
 * A parent's decision, exactly once: one transaction holds the compare-and-swap PENDING → APPROVED|DENIED,
 * the effect (an order from the approved snapshot or the parent's edit, grants), the audit rows and the event.
 * Deciding again gives the first result back (same decision) or says who already decided.
 * Bad input (a scope not offered, an invalid edit) throws before anything is written.
 */
export async function decideRequest(input: DecideInput): Promise<DecideResult> {
  if (input.actor.role !== "PARENT") throw new AppError("forbidden:decision", "Only a parent can decide.");
  const now = input.now ?? new Date();
  const note = input.note?.trim().slice(0, 500) || null;

  const result = await db.$transaction(async (tx): Promise<DecideResult> => {
    await input.claim?.(tx);
    const request = await tx.approvalRequest.findFirst({
      where: { id: input.requestId, familyId: input.actor.familyId },
      include: { decidedBy: { select: { name: true } } },
    });
    if (!request) throw new AppError("not_found:request", "That request does not exist.");
    if (request.kind === "QUESTION") {
      throw new AppError("bad_request:decision", "A question is answered with a reply, not approved or denied.");
    }

    if (request.status !== "PENDING") return repeatOrExisting(tx, request, TARGET[input.decision]);
    if (request.expiresAt <= now) {
      await expireRequest(tx, request, now);
      return { outcome: "expired" };
    }

    const status = TARGET[input.decision];
    const snapshot = request.snapshot as unknown as Snapshot;
    const plan = status === "APPROVED" ? await planApproval(tx, request, snapshot, input) : null;
    const swapped = await tx.approvalRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: {
        status,
        decidedById: input.actor.id,
        decidedAt: now,
        note,
        decisionScope: plan?.scope ?? null,
        // The proposal in `snapshot` is never overwritten: the edit is stored beside it.
        ...(plan?.edit ? { parentEdit: plan.edit.snapshot } : {}),
      },
    });
    // Another decision won the race between our read and our write: report it instead.
    if (swapped.count !== 1) {
      const winner = await tx.approvalRequest.findUniqueOrThrow({
        where: { id: request.id },
        include: { decidedBy: { select: { name: true } } },
      });
      return repeatOrExisting(tx, winner, status);
    }
    await cancelPendingDeliveries(tx, request.id);
    failpoint("decide.after-swap"); // crash test: status changed, no effect yet; the rollback must undo both

    if (plan) {
      const refusal = await applyEffect(tx, { request, snapshot, actor: input.actor, plan });
      if (refusal) return cancelForChangedRules(tx, request, refusal, input.actor);
    }
    failpoint("decide.after-effect"); // crash test: order placed but not audited; none of it may survive
    await appendAudit(tx, {
      familyId: request.familyId,
      actor: { id: input.actor.id, role: "PARENT" },
      action: status === "APPROVED" ? "request.approved" : "request.denied",
      subjectType: "ApprovalRequest",
      subjectId: request.id,
      data: {
        childId: request.childId,
        kind: request.kind,
        note,
        scope: plan?.scope ?? null,
        snapshotHash: request.snapshotHash,
        ...(input.via ? { via: input.via } : {}),
        ...(plan?.edit
          ? {
              edit: {
                proposedHash: plan.edit.proposedHash,
                editedHash: plan.edit.editedHash,
                changes: plan.edit.changes,
              },
            }
          : {}),
      },
    });
    failpoint("decide.after-audit"); // crash test: audited, event not written yet; the chain must stay whole
    await writeEvent(tx, {
      familyId: request.familyId,
      childId: request.childId,
      type: "request.resolved",
      data: {
        requestId: request.id,
        chatId: request.chatId,
        status,
        decidedByName: input.actor.name,
        decidedAt: now.toISOString(),
        edited: Boolean(plan?.edit),
      },
    });
    return {
      outcome: "decided",
      status,
      repeated: false,
      decidedByName: input.actor.name,
      decidedAt: now,
      ...(plan?.edit ? { changes: plan.edit.changes } : {}),
    };
  });
  notifyFamily(input.actor.familyId);
  return result;
}

type RequestRow = NonNullable<Awaited<ReturnType<typeof db.approvalRequest.findFirst>>>;

type ApprovalPlan = {
  scope: Scope;
  edit: OrderEdit | null;
  /** The order that will be placed: the parent's edit, else the proposal. */
  order: OrderSnapshot | null;
  /** For "always this dish": the premium dishes of that order. */
  premiumDishes: Array<{ id: string; name: string }>;
};

/** Checks the scope and the edit against the request, before anything is written. */
async function planApproval(tx: Tx, request: RequestRow, snapshot: Snapshot, input: DecideInput) {
  const scope = input.scope ?? "ONCE";
  if (!offeredScopes(request.kind, request.reasons as unknown as Reason[]).includes(scope)) {
    throw new AppError("bad_request:scope", `"${SCOPE_LABELS[scope] ?? scope}" is not a choice for this request.`);
  }
  if (snapshot.kind !== "ORDER") {
    if (input.edit !== undefined) throw new AppError("bad_request:edit", "Only an order can be changed.");
    return { scope, edit: null, order: null, premiumDishes: [] } satisfies ApprovalPlan;
  }
  const edit =
    input.edit === undefined
      ? null
      : await buildOrderEdit(tx, { familyId: request.familyId, proposal: snapshot, input: input.edit });
  const order = edit?.snapshot ?? snapshot;
  let premiumDishes: ApprovalPlan["premiumDishes"] = [];
  if (scope === "ALWAYS_DISH") {
    const rules = await getFamilyRules({ familyId: request.familyId }, tx);
    premiumDishes = order.items
      .filter((i) => isPremium(i.unitPriceCents, rules))
      .map((i) => ({ id: i.dishId, name: i.name }));
    if (premiumDishes.length === 0) {
      throw new AppError("bad_request:scope", "No premium dish is left in this order to always allow.");
    }
  }
  return { scope, edit, order, premiumDishes } satisfies ApprovalPlan;
}

async function applyEffect(
  tx: Tx,
  { request, snapshot, actor, plan }: { request: RequestRow; snapshot: Snapshot; actor: Actor; plan: ApprovalPlan },
): Promise<Reason[] | null> {
  if (snapshot.kind === "QUESTION") return null;
  const restaurant = await tx.restaurant.findFirst({
    where: { id: snapshot.restaurant.id, familyId: request.familyId },
    select: { name: true, restricted: true, archived: true },
  });
  const restaurantFacts = restaurant ?? { name: snapshot.restaurant.name, restricted: true, archived: true };
  const grant = {
    familyId: request.familyId,
    childId: request.childId,
    approvalRequestId: request.id,
    restaurant: snapshot.restaurant,
    decisionScope: plan.scope,
    actor,
  };

  if (snapshot.kind === "RESTAURANT_ACCESS") {
    const verdict = evaluateExecution(restaurantFacts, []);
    if (verdict.verdict === "refuse") return verdict.reasons;
    await createGrant(tx, { ...grant, scope: plan.scope === "ALWAYS_RESTAURANT" ? "ALWAYS" : "ONCE" });
    return null;
  }

  const order = plan.order ?? snapshot;
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
  if (plan.scope === "ALWAYS_RESTAURANT") await createGrant(tx, { ...grant, scope: "ALWAYS" });
  for (const dish of plan.premiumDishes) await createGrant(tx, { ...grant, dish, scope: "ALWAYS" });
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
  await tx.approvalRequest.update({
    where: { id: request.id },
    data: { status: "CANCELLED", note: message, decisionScope: null },
  });
  await appendAudit(tx, {
    familyId: request.familyId,
    actor: { id: actor.id, role: "PARENT" },
    action: "request.cancelled",
    subjectType: "ApprovalRequest",
    subjectId: request.id,
    data: { childId: request.childId, reasons, attempted: "APPROVE" },
  });
  await writeEvent(tx, {
    familyId: request.familyId,
    childId: request.childId,
    type: "request.resolved",
    data: {
      requestId: request.id,
      chatId: request.chatId,
      status: "CANCELLED",
      decidedByName: actor.name,
      decidedAt: new Date().toISOString(),
    },
  });
  return { outcome: "cancelled", message };
}

/** A repeated approval of an edited order gives back the first result, with its changes. */
async function repeatOrExisting(
  tx: Tx,
  request: RequestRow & { decidedBy: { name: string } | null },
  target: "APPROVED" | "DENIED",
): Promise<DecideResult> {
  const repeat = request.status === target && target === "APPROVED" && request.parentEdit !== null;
  const stored = repeat
    ? await getStoredChanges({ familyId: request.familyId, requestIds: [request.id] }, tx)
    : new Map<string, string[]>();
  return describeExisting(request, target, stored.get(request.id));
}

/** A request already out of PENDING: the caller's own target state is a repeat, anything else names who decided. */
export function describeExisting(
  request: { status: string; decidedAt: Date | null; decidedBy: { name: string } | null },
  target: "APPROVED" | "DENIED" | "ANSWERED" | null,
  changes?: string[],
): DecideResult {
  if (request.status === "EXPIRED") return { outcome: "expired" };
  if (target && request.status === target && request.decidedAt) {
    return {
      outcome: "decided",
      status: target,
      repeated: true,
      decidedByName: request.decidedBy?.name ?? "a parent",
      decidedAt: request.decidedAt,
      ...(changes ? { changes } : {}),
    };
  }
  return {
    outcome: "already-decided",
    status: request.status,
    decidedByName: request.decidedBy?.name ?? null,
    decidedAt: request.decidedAt,
  };
}
