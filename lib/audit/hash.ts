// Hash chain for the audit trail: each row's hash covers its content and the previous row's hash.
import { createHash } from "node:crypto";

export type AuditContent = {
  familyId: string;
  seq: number;
  actorId: string | null;
  actorRole: string;
  /** The child concerned, when there is one. */
  childId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: unknown;
  createdAt: Date;
};

export const GENESIS_HASH = "0".repeat(64);

/** JSON with sorted keys, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export function hashAuditRow(prevHash: string, { childId, ...rest }: AuditContent): string {
  // childId is hashed only when set, so rows written before the column existed still verify.
  const content = canonicalJson({ ...rest, ...(childId ? { childId } : {}), createdAt: rest.createdAt.toISOString() });
  return createHash("sha256").update(prevHash).update("\n").update(content).digest("hex");
}
