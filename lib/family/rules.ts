import "server-only";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/authz";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import { notifyFamily } from "@/lib/events/bus";
import { describeRuleChanges, draftFromValues } from "./rules-diff";
import { type RulesInput, rulesSchema } from "./schemas";
import { parseInput } from "./validate";

/** The current rules, who wrote this version and when, and the children whose budgets the form shows. */
export async function getRulesOverview({ familyId }: { familyId: string }) {
  const [rules, row, children] = await Promise.all([
    getFamilyRules({ familyId }),
    db.rules.findFirstOrThrow({
      where: { familyId },
      orderBy: { version: "desc" },
      select: { createdById: true, createdAt: true },
    }),
    db.user.findMany({
      where: { familyId, role: "CHILD", active: true },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const author = row.createdById
    ? await db.user.findFirst({ where: { id: row.createdById, familyId }, select: { name: true } })
    : null;
  return { rules, changedByName: author?.name ?? null, changedAt: row.createdAt, children };
}

export type SaveRulesResult = { saved: false } | { saved: true; version: number; changes: string[] };

/**
 * Saves the form as a new version (never edits an old one), audited with the changes in words. Unchanged rules
 * write nothing. Requests already pending keep the version they were judged by.
 */
export async function saveRules(actor: Actor, input: RulesInput): Promise<SaveRulesResult> {
  const values = parseInput(rulesSchema, input);
  const result = await db.$transaction(async (tx): Promise<SaveRulesResult> => {
    const current = await getFamilyRules(actor, tx);
    const children = await tx.user.findMany({
      where: { familyId: actor.familyId, role: "CHILD", active: true },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true },
    });
    const { version, ...before } = current;
    const after = draftFromValues(before, values, children);
    const changes = describeRuleChanges(before, after, children);
    if (changes.length === 0) return { saved: false };
    const next = version + 1;
    const row = await tx.rules.create({
      data: {
        familyId: actor.familyId,
        version: next,
        premiumLimitCents: after.premiumLimitCents,
        maxPendingPerChild: after.maxPendingPerChild,
        expiryMinutes: after.expiryMinutes,
        childBudgets: after.childBudgets,
        orderingStart: after.orderingHours?.start ?? null,
        orderingEnd: after.orderingHours?.end ?? null,
        outsideHours: after.outsideHours,
        timeZone: after.timeZone,
        escalationMinutes: after.escalationMinutes,
        expiryWarningMinutes: after.expiryWarningMinutes,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      familyId: actor.familyId,
      actor: { id: actor.id, role: "PARENT" },
      action: "rules.changed",
      subjectType: "Rules",
      subjectId: row.id,
      data: { version: next, changes },
    });
    return { saved: true, version: next, changes };
  });
  if (result.saved) notifyFamily(actor.familyId);
  return result;
}
