import "server-only";
import { appendAudit } from "@/lib/audit/append";
import { auth } from "@/lib/auth";
import type { Role } from "@/lib/auth-config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type Actor = { id: string; name: string; role: Role; familyId: string };

/** An actor as read for this request, with the family's facts version read in the same statement (lib/catalogue/facts.ts). */
export type SessionActor = Actor & { factsVersion: number };

/**
 * The signed-in user as the database knows them now. The session token only says who;
 * role, family and whether the account is still active are read again on every call,
 * so a removed or demoted user loses access at once.
 */
export async function getActor(): Promise<SessionActor | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  // Every request runs this: one raw statement costs a fraction of two model queries (user, then family).
  const [user] = await db.$queryRaw<Array<Actor & { active: boolean; factsVersion: number | bigint }>>`
    SELECT u."id", u."name", u."role", u."familyId", u."active", f."factsVersion"
    FROM "User" u JOIN "Family" f ON f."id" = u."familyId"
    WHERE u."id" = ${userId}`;
  if (!user?.active) return null;
  return {
    id: user.id,
    name: user.name,
    role: user.role as Role,
    familyId: user.familyId,
    factsVersion: Number(user.factsVersion),
  };
}

/**
 * For each of `actors`, whether the user is still who it says: active, same role, same family. For calls that
 * outlive their request check, such as open event streams, so a removed or demoted user stops receiving at once.
 * One read for all of them, however many streams (tabs) each user has open.
 */
export async function areStillActors(actors: readonly Actor[]): Promise<boolean[]> {
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(actors.map((actor) => actor.id))] } },
    select: { id: true, role: true, familyId: true, active: true },
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  return actors.map((actor) => {
    const user = byId.get(actor.id);
    return !!user?.active && user.role === actor.role && user.familyId === actor.familyId;
  });
}

/** The signed-in user if they have `role`; a wrong role is refused and audited as `authz.denied`. */
export async function requireActor(role: Role, action = "unknown"): Promise<SessionActor> {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthorized:auth", "Please sign in.");
  if (actor.role !== role) {
    await db.$transaction((tx) =>
      appendAudit(tx, {
        familyId: actor.familyId,
        actor: { id: actor.id, role: actor.role },
        action: "authz.denied",
        subjectType: "Action",
        subjectId: action,
        data: { required: role },
      }),
    );
    throw new AppError(
      "forbidden:auth",
      role === "PARENT" ? "Only a parent can do this." : "Only a child can do this.",
    );
  }
  return actor;
}
