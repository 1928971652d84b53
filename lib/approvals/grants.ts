import "server-only";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/authz";
import type { Tx } from "@/lib/db";
import type { DecisionScope } from "@/lib/policy";

type GrantInput = {
  familyId: string;
  childId: string;
  approvalRequestId: string;
  restaurant: { id: string; name: string };
  /** Set for "always this dish": the grant lifts the premium rule for this dish only. */
  dish?: { id: string; name: string };
  /** ONCE only for a restaurant-access request approved once; every other grant stands until revoked. */
  scope: "ONCE" | "ALWAYS";
  decisionScope: DecisionScope;
  actor: Actor;
};

/**
 * Writes a grant and its `grant.created` audit row. A standing grant that already exists for the same child and
 * restaurant (or dish) is not written twice: the child already has it. Returns the new grant's id, or null.
 */
export async function createGrant(tx: Tx, input: GrantInput): Promise<string | null> {
  if (input.scope === "ALWAYS") {
    const existing = await tx.accessGrant.findFirst({
      where: {
        familyId: input.familyId,
        childId: input.childId,
        restaurantId: input.restaurant.id,
        dishId: input.dish?.id ?? null,
        scope: "ALWAYS",
        revokedAt: null,
      },
      select: { id: true },
    });
    if (existing) return null;
  }
  const grant = await tx.accessGrant.create({
    data: {
      familyId: input.familyId,
      childId: input.childId,
      restaurantId: input.restaurant.id,
      dishId: input.dish?.id ?? null,
      scope: input.scope,
      approvalRequestId: input.approvalRequestId,
      createdById: input.actor.id,
    },
    select: { id: true },
  });
  await appendAudit(tx, {
    familyId: input.familyId,
    actor: { id: input.actor.id, role: "PARENT" },
    action: "grant.created",
    subjectType: "AccessGrant",
    subjectId: grant.id,
    data: {
      childId: input.childId,
      restaurant: input.restaurant.name,
      dish: input.dish?.name ?? null,
      scope: input.decisionScope,
      approvalRequestId: input.approvalRequestId,
    },
  });
  return grant.id;
}
