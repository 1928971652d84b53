// SQL for the activity spec: tampering with the audit trail as an attacker with file access would, and undoing it.
import { withE2eDb } from "./db";

export type AuditRowRef = { id: string; seq: number; action: string; data: string };

/** The family's audit row whose data holds `text` (e.g. a parent's unique note). */
export function findAuditRow(text: string): AuditRowRef {
  return withE2eDb((db) => {
    const row = db
      .prepare(`SELECT id, seq, action, data FROM AuditEvent WHERE data LIKE ? ORDER BY seq DESC LIMIT 1`)
      .get(`%${text}%`) as AuditRowRef | undefined;
    if (!row) throw new Error(`no audit row holds "${text}"`);
    return row;
  });
}

/** Overwrites one row's data in place, leaving its hash as it was: the change the verifier must catch. */
export function setAuditData(id: string, data: string): void {
  withE2eDb((db) => {
    const changed = db.prepare(`UPDATE AuditEvent SET data = ? WHERE id = ?`).run(data, id);
    if (changed.changes !== 1) throw new Error(`audit row ${id} not found`);
  });
}
