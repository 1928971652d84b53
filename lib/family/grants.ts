import "server-only";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/authz";
import { lockFamily } from "@/lib/database/family-lock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notifyFamily } from "@/lib/events/bus";

export type StandingGrant = {
  id: string;
  kind: "RESTAURANT" | "DISH";
  restaurantName: string;
  dishName: string | null;
  createdByName: string | null;
  createdAt: Date;
};

/** What a grant allows, in the words the page and its Revoke button use. */
export function grantSubject(grant: Pick<StandingGrant, "restaurantName" | "dishName">): string {
  return grant.dishName ? `${grant.dishName} at ${grant.restaurantName}` : grant.restaurantName;
}

/** Per child who can sign in, the "always allow" grants still standing for things still on the menu. */
export async function getStandingGrants({ familyId }: { familyId: string }) {
  const [children, grants, parents] = await Promise.all([
    db.user.findMany({
      where: { familyId, role: "CHILD", active: true },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true },
    }),
    db.accessGrant.findMany({
      where: {
        familyId,
        scope: "ALWAYS",
        revokedAt: null,
        restaurant: { archived: false },
        OR: [{ dishId: null }, { dish: { archived: false } }],
      },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        childId: true,
        createdById: true,
        createdAt: true,
        restaurant: { select: { name: true } },
        dish: { select: { name: true } },
      },
    }),
    // AccessGrant.createdById has no relation: look the names up within the family.
    db.user.findMany({ where: { familyId, role: "PARENT" }, select: { id: true, name: true } }),
  ]);
  const parentName = new Map(parents.map((p) => [p.id, p.name]));
  return children.map((child) => ({
    ...child,
    grants: grants
      .filter((g) => g.childId === child.id)
      .map(
        (g): StandingGrant => ({
          id: g.id,
          kind: g.dish ? "DISH" : "RESTAURANT",
          restaurantName: g.restaurant.name,
          dishName: g.dish?.name ?? null,
          createdByName: g.createdById ? (parentName.get(g.createdById) ?? null) : null,
          createdAt: g.createdAt,
        }),
      ),
  }));
}

/** Takes a standing grant back: from the child's next order on, a parent has to decide again. */
export async function revokeGrant(
  actor: Actor,
  { grantId }: { grantId: string },
): Promise<{ childName: string; subject: string; alreadyRevoked: boolean }> {
  const result = await db.$transaction(async (tx) => {
    await lockFamily(tx, actor.familyId);
    const grant = await tx.accessGrant.findFirst({
      where: { id: grantId, familyId: actor.familyId },
      select: {
        id: true,
        childId: true,
        child: { select: { name: true } },
        restaurant: { select: { name: true } },
        dish: { select: { name: true } },
      },
    });
    if (!grant) throw new AppError("not_found:grant", "That permission does not exist.");
    const subject = grantSubject({ restaurantName: grant.restaurant.name, dishName: grant.dish?.name ?? null });
    const swapped = await tx.accessGrant.updateMany({
      where: { id: grant.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (swapped.count !== 1) return { childName: grant.child.name, subject, alreadyRevoked: true };
    await appendAudit(tx, {
      familyId: actor.familyId,
      actor: { id: actor.id, role: "PARENT" },
      action: "grant.revoked",
      subjectType: "AccessGrant",
      subjectId: grant.id,
      data: { childId: grant.childId, restaurant: grant.restaurant.name, dish: grant.dish?.name ?? null },
    });
    return { childName: grant.child.name, subject, alreadyRevoked: false };
  });
  if (!result.alreadyRevoked) notifyFamily(actor.familyId);
  return result;
}
