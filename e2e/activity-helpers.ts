// SQL for the activity spec: tampering with the audit trail as an attacker with file access would, and undoing it.
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

const dbFile = path.join(import.meta.dirname, "..", "data", "e2e.db");

function withDb<T>(fn: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(dbFile);
  try {
    db.exec("PRAGMA busy_timeout = 5000");
    return fn(db);
  } finally {
    db.close();
  }
}

export type AuditRowRef = { id: string; seq: number; action: string; data: string };

/** The family's audit row whose data holds `text` (e.g. a parent's unique note). */
export function findAuditRow(text: string): AuditRowRef {
  return withDb((db) => {
    const row = db
      .prepare(`SELECT id, seq, action, data FROM AuditEvent WHERE data LIKE ? ORDER BY seq DESC LIMIT 1`)
      .get(`%${text}%`) as AuditRowRef | undefined;
    if (!row) throw new Error(`no audit row holds "${text}"`);
    return row;
  });
}

/** Overwrites one row's data in place, leaving its hash as it was: the change the verifier must catch. */
export function setAuditData(id: string, data: string): void {
  withDb((db) => {
    const changed = db.prepare(`UPDATE AuditEvent SET data = ? WHERE id = ?`).run(data, id);
    if (changed.changes !== 1) throw new Error(`audit row ${id} not found`);
  });
}
