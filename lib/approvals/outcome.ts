import "server-only";
import type { ApprovalOutcomeOutput, LineItem } from "@/lib/ai/tools/contracts";
import { getAllowedDishIds, getFamilyRules, getUsableGrants } from "@/lib/catalogue/queries";
import { db, type Tx } from "@/lib/db";
import { isPremium } from "@/lib/policy";
import { describeSnapshotChanges } from "./changes";
import { isDecisionScope } from "./scope";
import type { OrderSnapshot, Snapshot } from "./snapshot";
import { snapshotRestaurant } from "./snapshot";
import { getStoredChanges } from "./stored-changes";

const TERMINAL = ["APPROVED", "DENIED", "ANSWERED", "EXPIRED", "CANCELLED"];

type ChatScope = { chatId: string; childId: string; familyId: string };

/**
 * Claims the decided-but-untold requests of a chat, exactly once: each is marked reported by a
 * conditional update, so two tabs or a reload racing here never tell the same outcome twice.
 * Everything comes from the database; nothing the client sent is read.
 */
export async function claimUnreportedOutcomes(tx: Tx, scope: ChatScope): Promise<ApprovalOutcomeOutput[]> {
  const candidates = await tx.approvalRequest.findMany({
    where: {
      chatId: scope.chatId,
      childId: scope.childId,
      familyId: scope.familyId,
      status: { in: TERMINAL },
      reportedAt: null,
    },
    orderBy: { decidedAt: "asc" },
    include: { decidedBy: { select: { name: true } }, order: { select: { id: true, items: true, totalCents: true } } },
  });
  const outcomes: ApprovalOutcomeOutput[] = [];
  for (const request of candidates) {
    const claimed = await tx.approvalRequest.updateMany({
      where: { id: request.id, reportedAt: null },
      data: { reportedAt: new Date() },
    });
    if (claimed.count !== 1) continue;
    const snapshot = request.snapshot as unknown as Snapshot;
    const outcome: ApprovalOutcomeOutput = {
      requestId: request.id,
      kind: snapshot.kind,
      status: request.status as ApprovalOutcomeOutput["status"],
      restaurantName: snapshotRestaurant(snapshot)?.name ?? null,
      decidedByName: request.decidedBy?.name ?? null,
      note: request.note,
    };
    if (request.order) {
      outcome.order = {
        orderId: request.order.id,
        items: request.order.items as unknown as LineItem[],
        totalCents: request.order.totalCents,
      };
    }
    if (snapshot.kind === "QUESTION") outcome.question = snapshot.question;
    // What the parent changed before approving, as audited; `order` above is what was placed (the edit).
    if (request.parentEdit && snapshot.kind === "ORDER") {
      const stored = await getStoredChanges({ familyId: scope.familyId, requestIds: [request.id] }, tx);
      outcome.changes =
        stored.get(request.id) ?? describeSnapshotChanges(snapshot, request.parentEdit as unknown as OrderSnapshot);
    }
    if (isDecisionScope(request.decisionScope)) outcome.scope = request.decisionScope;
    if (request.status === "DENIED" && snapshot.kind === "ORDER") {
      outcome.alternatives = await getAllowedAlternatives(tx, scope, snapshot.restaurant.id);
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * Dishes the child may order without asking, from the same restaurant first, cheapest first: within the premium
 * limit, or a premium dish a parent has always allowed for this child (a dish grant).
 */
async function getAllowedAlternatives(tx: Tx, scope: ChatScope, restaurantId: string) {
  const rules = await getFamilyRules(scope, tx);
  const grants = await getUsableGrants({ childId: scope.childId }, tx);
  const granted = new Set(grants.map((g) => g.restaurantId));
  const allowedDishIds = await getAllowedDishIds({ childId: scope.childId }, tx);
  const dishes = await tx.dish.findMany({
    where: {
      familyId: scope.familyId,
      archived: false,
      OR: [{ priceCents: { lte: rules.premiumLimitCents } }, { id: { in: [...allowedDishIds] } }],
      restaurant: { archived: false },
    },
    include: { restaurant: { select: { id: true, name: true, restricted: true } } },
    orderBy: { priceCents: "asc" },
  });
  return dishes
    .filter((d) => !d.restaurant.restricted || granted.has(d.restaurant.id))
    .sort((a, b) => Number(b.restaurantId === restaurantId) - Number(a.restaurantId === restaurantId))
    .slice(0, 3)
    .map((d) => ({
      id: d.id,
      name: d.name,
      priceCents: d.priceCents,
      // "premium" means a parent must be asked: not so for a dish always allowed for this child.
      premium: isPremium(d.priceCents, rules) && !allowedDishIds.has(d.id),
      restaurantName: d.restaurant.name,
    }));
}

/**
 * A chat of this child where a parent's answer has not been told yet (the oldest first); given `chatId`, that chat
 * or null, so its page knows whether opening it has an answer to tell.
 */
export async function getChatWithUntoldOutcome({
  childId,
  familyId,
  chatId,
}: {
  childId: string;
  familyId: string;
  chatId?: string;
}) {
  const request = await db.approvalRequest.findFirst({
    where: { childId, familyId, chatId, status: { in: TERMINAL }, reportedAt: null },
    orderBy: { decidedAt: "asc" },
    select: { chatId: true },
  });
  return request?.chatId ?? null;
}
