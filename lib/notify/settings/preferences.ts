import "server-only";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/family/validate";
import { type PreferencesInput, preferencesSchema } from "./schemas";

const hours = (start: string | null, end: string | null) => (start && end ? `${start}–${end}` : "none");
const told = (notifyOn: string) => (notifyOn === "ESCALATION" ? "only escalations" : "every request");

export async function getPreferences({ parentId, familyId }: { parentId: string; familyId: string }) {
  const user = await db.user.findFirst({
    where: { id: parentId, familyId },
    select: { notifyOn: true, quietStart: true, quietEnd: true, family: { select: { id: true } } },
  });
  if (!user) throw new AppError("not_found:user", "That parent does not exist.");
  const rules = await db.rules.findFirst({
    where: { familyId },
    orderBy: { version: "desc" },
    select: { timeZone: true },
  });
  return {
    notifyOn: user.notifyOn === "ESCALATION" ? ("ESCALATION" as const) : ("ALL" as const),
    quietStart: user.quietStart,
    quietEnd: user.quietEnd,
    timeZone: rules?.timeZone ?? "UTC",
  };
}

/** Quiet hours and what to be told about; audited with the changes in words. Unchanged writes nothing. */
export async function savePreferences(actor: Actor, input: PreferencesInput): Promise<{ changes: string[] }> {
  const next = parseInput(preferencesSchema, input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirstOrThrow({
      where: { id: actor.id, familyId: actor.familyId },
      select: { notifyOn: true, quietStart: true, quietEnd: true },
    });
    const changes: string[] = [];
    const before = hours(user.quietStart, user.quietEnd);
    const after = hours(next.quietStart, next.quietEnd);
    if (before !== after) changes.push(`Quiet hours: ${before} → ${after}`);
    if (user.notifyOn !== next.notifyOn) changes.push(`Tell me about: ${told(user.notifyOn)} → ${told(next.notifyOn)}`);
    if (changes.length === 0) return { changes };
    await tx.user.update({
      where: { id: actor.id },
      data: { notifyOn: next.notifyOn, quietStart: next.quietStart, quietEnd: next.quietEnd },
    });
    await appendAudit(tx, {
      familyId: actor.familyId,
      actor: { id: actor.id, role: "PARENT" },
      action: "notify.preferences_changed",
      subjectType: "User",
      subjectId: actor.id,
      data: { changes },
    });
    return { changes };
  });
}
