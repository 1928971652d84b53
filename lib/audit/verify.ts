import "server-only";
import { db } from "@/lib/db";
import { GENESIS_HASH, hashAuditRow } from "./hash";

export type ChainReport =
  | { intact: true; rows: number }
  | {
      intact: false;
      rows: number;
      brokenSeq: number;
      brokenId: string;
      /** The broken row as stored now (so possibly tampered with), to name it to a parent. */
      brokenAction: string;
      brokenAt: Date;
    };

// Big enough that a family of 100k rows is 20 queries, small enough that memory stays flat.
const CHUNK = 5000;

/**
 * Walks the family's chain in seq order and names the first row whose hash, link or seq does not hold: an edited
 * row fails its own hash, a deleted one leaves a gap (and a broken link) at the next row.
 * Reads in keyset chunks with only the hashed columns, so a large family is neither loaded at once nor slow.
 */
export async function verifyAuditChain({ familyId }: { familyId: string }): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let lastSeq = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { familyId, seq: { gt: lastSeq } },
      orderBy: { seq: "asc" },
      take: CHUNK,
      select: {
        id: true,
        seq: true,
        actorId: true,
        actorRole: true,
        childId: true,
        action: true,
        subjectType: true,
        subjectId: true,
        data: true,
        createdAt: true,
        prevHash: true,
        hash: true,
      },
    });
    for (const row of rows) {
      // Only the hashed content: the row's own id and hashes are not part of it.
      const expected = hashAuditRow(prevHash, {
        familyId,
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
        return {
          intact: false,
          rows: await db.auditEvent.count({ where: { familyId } }),
          brokenSeq: row.seq,
          brokenId: row.id,
          brokenAction: row.action,
          brokenAt: row.createdAt,
        };
      }
      prevHash = row.hash;
      expectedSeq += 1;
    }
    const last = rows.at(-1);
    if (!last || rows.length < CHUNK) break;
    lastSeq = last.seq;
  }
  return { intact: true, rows: expectedSeq - 1 };
}
