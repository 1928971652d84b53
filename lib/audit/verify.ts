import "server-only";
import { db } from "@/lib/db";
import { GENESIS_HASH, hashAuditRow } from "./hash";

export type ChainReport =
  | { intact: true; rows: number }
  | { intact: false; rows: number; brokenSeq: number; brokenId: string };

/** Walks the family's chain in order and names the first row whose hash or link does not hold. */
export async function verifyAuditChain({ familyId }: { familyId: string }): Promise<ChainReport> {
  const rows = await db.auditEvent.findMany({ where: { familyId }, orderBy: { seq: "asc" } });
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    const expected = hashAuditRow(prevHash, {
      familyId: row.familyId,
      seq: row.seq,
      actorId: row.actorId,
      actorRole: row.actorRole,
      childId: row.childId,
      action: row.action,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      data: row.data,
      createdAt: row.createdAt,
    });
    if (row.seq !== expectedSeq || row.prevHash !== prevHash || row.hash !== expected) {
      return { intact: false, rows: rows.length, brokenSeq: row.seq, brokenId: row.id };
    }
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return { intact: true, rows: rows.length };
}
