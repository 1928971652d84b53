// SQL for the activity spec: tampering with the audit trail as an attacker with database access would, and undoing it.
import { withE2eDb } from "./db";

export type AuditRowRef = { id: string; seq: number; action: string; data: string };

/** The family's audit row whose data holds `text` (e.g. a parent's unique note). */
export function findAuditRow(text: string): Promise<AuditRowRef> {
  return withE2eDb(async (db) => {
    const row = await db.get<AuditRowRef>(
      `SELECT "id", "seq", "action", "data" FROM "AuditEvent" WHERE CAST("data" AS TEXT) LIKE ?
       ORDER BY "seq" DESC LIMIT 1`,
      `%${text}%`,
    );
    if (!row) throw new Error(`no audit row holds "${text}"`);
    return row;
  });
}

/** Overwrites one row's data in place, leaving its hash as it was: the change the verifier must catch. */
export async function setAuditData(id: string, data: string): Promise<void> {
  await withE2eDb(async (db) => {
    const changed = await db.run(`UPDATE "AuditEvent" SET "data" = ? WHERE "id" = ?`, data, id);
    if (changed.changes !== 1) throw new Error(`audit row ${id} not found`);
  });
}
