import "server-only";
import { lockFamily } from "@/lib/database/family-lock";
import type { Tx } from "@/lib/db";
import { GENESIS_HASH, hashAuditRow } from "./hash";

export type AuditActor = { id: string | null; role: "PARENT" | "CHILD" | "SYSTEM" | "ANONYMOUS" };

export const SYSTEM_ACTOR: AuditActor = { id: null, role: "SYSTEM" };

type AppendInput = {
  familyId: string;
  actor: AuditActor;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** The child concerned; defaults to `data.childId` when that is a string, else to a child actor. */
  childId?: string | null;
  data?: Record<string, unknown>;
};

/**
 * Appends to the family's chain. Call inside the transaction that makes the change, so the
 * change and its audit row commit together; the unique (familyId, seq) stops two writers forking the chain.
 */
export async function appendAudit(tx: Tx, input: AppendInput): Promise<void> {
  // Usually taken already at the start of the transaction; re-entrant, and it keeps the chain linear on its own.
  await lockFamily(tx, input.familyId);
  const last = await tx.auditEvent.findFirst({
    where: { familyId: input.familyId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const row = {
    familyId: input.familyId,
    seq: (last?.seq ?? 0) + 1,
    actorId: input.actor.id,
    actorRole: input.actor.role,
    childId: input.childId ?? concernedChild(input),
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId ?? null,
    data: input.data ?? {},
    createdAt: new Date(),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditEvent.create({
    data: { ...row, data: row.data as object, prevHash, hash: hashAuditRow(prevHash, row) },
  });
}

function concernedChild({ data, actor }: AppendInput): string | null {
  if (typeof data?.childId === "string") return data.childId;
  return actor.role === "CHILD" ? actor.id : null;
}
