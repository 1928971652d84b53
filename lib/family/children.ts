import "server-only";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { cancelPendingRequests } from "@/lib/approvals/cancel";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/authz";
import { lockFamily } from "@/lib/database/family-lock";
import { isUniqueViolation } from "@/lib/database/unique";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notifyFamily } from "@/lib/events/bus";
import { type ChildInput, childSchema, fieldErrorsOf, nameField, secretField, usernameField } from "./schemas";
import { invalidInput, parseInput } from "./validate";

// The seed's cost: fast enough for a sign-in on a small server, slow enough against offline guessing.
const BCRYPT_COST = 10;

/** The family's children who can sign in, oldest account first. */
export async function getChildren({ familyId }: { familyId: string }) {
  return db.user.findMany({
    where: { familyId, role: "CHILD", active: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, username: true },
  });
}

/** A child of this family who can still sign in; parents and removed children are not found here. */
async function findChild(tx: Tx, familyId: string, childId: string) {
  const child = await tx.user.findFirst({
    where: { id: childId, familyId, role: "CHILD", active: true },
    select: { id: true, name: true, username: true },
  });
  if (!child) throw new AppError("not_found:child", "That child does not exist.");
  return child;
}

/** Usernames are unique across every family, whatever the letter case; the message when it is taken. */
async function usernameTaken(client: Tx, username: string): Promise<string | null> {
  const rows = await client.$queryRaw<
    Array<{ id: string }>
  >`SELECT "id" FROM "User" WHERE lower("username") = ${username}`;
  return rows.length > 0 ? usernameTakenMessage(username) : null;
}

const usernameTakenMessage = (username: string) => `The username ${username} is taken. Try another one.`;

const actorOf = (actor: Actor) => ({ id: actor.id, role: "PARENT" as const });

export async function createChild(actor: Actor, input: ChildInput): Promise<{ id: string; name: string }> {
  const parsed = childSchema.safeParse(input);
  if (!parsed.success) {
    // Say at once that a well-formed username is taken too, not only after the other fields are fixed.
    const errors = fieldErrorsOf(parsed.error);
    const username = usernameField.safeParse(input.username);
    const taken = !errors.username && username.success ? await usernameTaken(db, username.data) : null;
    throw invalidInput(taken ? { ...errors, username: taken } : errors);
  }
  const values = parsed.data;
  const passwordHash = await bcrypt.hash(values.secret, BCRYPT_COST);
  const created = await db
    .$transaction(async (tx) => {
      await lockFamily(tx, actor.familyId);
      const taken = await usernameTaken(tx, values.username);
      if (taken) throw invalidInput({ username: taken });
      const child = await tx.user.create({
        data: { familyId: actor.familyId, role: "CHILD", name: values.name, username: values.username, passwordHash },
        select: { id: true, name: true },
      });
      await appendAudit(tx, {
        familyId: actor.familyId,
        actor: actorOf(actor),
        action: "child.created",
        subjectType: "User",
        subjectId: child.id,
        data: { childId: child.id, name: child.name, username: values.username },
      });
      return child;
    })
    .catch((error: unknown) => {
      // Another family took the same username at the same moment (PostgreSQL): the constraint caught it.
      if (isUniqueViolation(error, "username")) throw invalidInput({ username: usernameTakenMessage(values.username) });
      throw error;
    });
  notifyFamily(actor.familyId);
  return created;
}

export async function renameChild(actor: Actor, input: { childId: string; name: string }): Promise<string | null> {
  const { name } = parseInput(z.object({ name: nameField }), input);
  const previous = await db.$transaction(async (tx) => {
    await lockFamily(tx, actor.familyId);
    const child = await findChild(tx, actor.familyId, input.childId);
    if (child.name === name) return null;
    await tx.user.update({ where: { id: child.id }, data: { name } });
    await appendAudit(tx, {
      familyId: actor.familyId,
      actor: actorOf(actor),
      action: "child.updated",
      subjectType: "User",
      subjectId: child.id,
      data: { childId: child.id, name, previousName: child.name },
    });
    return child.name;
  });
  if (previous !== null) notifyFamily(actor.familyId);
  return previous;
}

/** A new password or PIN; only the hash is stored, and the audit row says that it happened, not what. */
export async function resetChildSecret(actor: Actor, input: { childId: string; secret: string }): Promise<string> {
  const { secret } = parseInput(z.object({ secret: secretField }), input);
  const passwordHash = await bcrypt.hash(secret, BCRYPT_COST);
  return db.$transaction(async (tx) => {
    await lockFamily(tx, actor.familyId);
    const child = await findChild(tx, actor.familyId, input.childId);
    await tx.user.update({ where: { id: child.id }, data: { passwordHash } });
    await appendAudit(tx, {
      familyId: actor.familyId,
      actor: actorOf(actor),
      action: "child.password_reset",
      subjectType: "User",
      subjectId: child.id,
      data: { childId: child.id, name: child.name },
    });
    return child.name;
  });
}

/**
 * The child can no longer sign in (their open session stops at its next request, which re-reads `active`); the
 * username is freed; the row stays for history. Their grants are revoked and their pending requests cancelled.
 */
export async function removeChild(
  actor: Actor,
  { childId }: { childId: string },
): Promise<{ name: string; cancelled: number; revoked: number }> {
  const result = await db.$transaction(async (tx) => {
    await lockFamily(tx, actor.familyId);
    const child = await findChild(tx, actor.familyId, childId);
    await tx.user.update({ where: { id: child.id }, data: { active: false, username: null } });
    const grants = await tx.accessGrant.findMany({
      where: { familyId: actor.familyId, childId: child.id, revokedAt: null, usedAt: null },
      select: { id: true, restaurant: { select: { name: true } }, dish: { select: { name: true } } },
    });
    const now = new Date();
    for (const grant of grants) {
      await tx.accessGrant.update({ where: { id: grant.id }, data: { revokedAt: now } });
      await appendAudit(tx, {
        familyId: actor.familyId,
        actor: actorOf(actor),
        action: "grant.revoked",
        subjectType: "AccessGrant",
        subjectId: grant.id,
        data: { childId: child.id, restaurant: grant.restaurant.name, dish: grant.dish?.name ?? null },
      });
    }
    const cancelled = await cancelPendingRequests(tx, {
      familyId: actor.familyId,
      where: { childId: child.id },
      message: `${child.name}'s account was removed by a parent, so this request was cancelled.`,
      actor,
      now,
    });
    await appendAudit(tx, {
      familyId: actor.familyId,
      actor: actorOf(actor),
      action: "child.removed",
      subjectType: "User",
      subjectId: child.id,
      data: {
        childId: child.id,
        name: child.name,
        username: child.username,
        cancelledRequests: cancelled.length,
        revokedGrants: grants.length,
      },
    });
    return { name: child.name, cancelled: cancelled.length, revoked: grants.length };
  });
  notifyFamily(actor.familyId);
  return result;
}
