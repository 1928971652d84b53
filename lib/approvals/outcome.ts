import "server-only";
import type { ApprovalOutcomeOutput, LineItem } from "@/lib/ai/tools/contracts";
import { getFamilyRules, getUsableGrants } from "@/lib/catalogue/queries";
import { db, type Tx } from "@/lib/db";
import { type DecisionScope, isPremium } from "@/lib/policy";

import { type Snapshot, snapshotRestaurant } from "./snapshot";

const TERMINAL = ["APPROVED", "DENIED", "ANSWERED", "EXPIRED", "CANCELLED"];
const DECISION_SCOPES: readonly string[] = ["ONCE", "ALWAYS_RESTAURANT", "ALWAYS_DISH"] satisfies DecisionScope[];
const isDecisionScope = (value: string | null): value is DecisionScope => DECISION_SCOPES.includes(value ?? "");

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
    if (isDecisionScope(request.decisionScope)) outcome.scope = request.decisionScope;
    if (request.status === "DENIED" && snapshot.kind === "ORDER") {
      outcome.alternatives = await getAllowedAlternatives(tx, scope, snapshot.restaurant.id);
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

/** Dishes the child may order without asking, from the same restaurant first, cheapest first. */
async function getAllowedAlternatives(tx: Tx, scope: ChatScope, restaurantId: string) {
  const rules = await getFamilyRules(scope, tx);
  const grants = await getUsableGrants({ childId: scope.childId }, tx);
  const granted = new Set(grants.map((g) => g.restaurantId));
  const dishes = await tx.dish.findMany({
    where: {
      familyId: scope.familyId,
      archived: false,
      priceCents: { lte: rules.premiumLimitCents },
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
      premium: isPremium(d.priceCents, rules),
      restaurantName: d.restaurant.name,
    }));
}

/** A chat of this child where a parent's answer has not been told yet (the oldest first). */
export async function getChatWithUntoldOutcome({ childId, familyId }: { childId: string; familyId: string }) {
  const request = await db.approvalRequest.findFirst({
    where: { childId, familyId, status: { in: TERMINAL }, reportedAt: null },
    orderBy: { decidedAt: "asc" },
    select: { chatId: true },
  });
  return request?.chatId ?? null;
}
