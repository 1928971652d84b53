// Which database the end-to-end servers use: SQLite files in data/ (the default), or, when DATABASE_URL names a
// PostgreSQL server, databases of their own on that server (named after the port, so two checkouts can run).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The DATABASE_URL for a test server's database called `name` ("e2e", "crash"). */
export function testDatabaseUrl(name, port) {
  const server = process.env.DATABASE_URL;
  if (server && /^postgres(ql)?:\/\//.test(server)) {
    const u = new URL(server);
    u.pathname = `/lunchbox_${name}_${port}`;
    return u.toString();
  }
  return `file:${path.join(root, "data", `${name}.db`)}`;
}

/** The URL of the e2e server's database (the port from E2E_PORT, as in playwright.config.ts). */
export function e2eDatabaseUrl() {
  return testDatabaseUrl("e2e", Number(process.env.E2E_PORT) || 3100);
}

/**
 * Empties a test database from scratch, ready to migrate: deleting the file (and SQLite's side files), or dropping
 * the database (its open sessions ended) and creating it again, is the most thorough reset.
 */
export async function emptyTestDatabase(url) {
  if (url.startsWith("file:")) {
    const dbFile = url.slice("file:".length);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(dbFile + suffix, { force: true });
    return;
  }
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}
