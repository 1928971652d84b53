// Direct SQL on the e2e database, for what no screen does: setting up a rare state (an expired request, a
// budget) and putting back what a test changed, since every spec shares data/e2e.db and runs twice.
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

const dbFile = path.join(import.meta.dirname, "..", "data", "e2e.db");

export function withE2eDb<T>(work: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(dbFile);
  try {
    db.exec("PRAGMA busy_timeout = 5000");
    return work(db);
  } finally {
    db.close();
  }
}

/** A time in Prisma's SQLite format for DateTime: ISO 8601 with an explicit +00:00 offset. */
export function sqlTime(date = new Date()): string {
  return date.toISOString().replace("Z", "+00:00");
}
