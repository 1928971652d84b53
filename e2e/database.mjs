// Which database the end-to-end servers use: SQLite files in data/ (the default), or, when DATABASE_URL names a
// PostgreSQL server, databases of their own on that server (named after the port, so two checkouts can run).
import path from "node:path";
import { fileURLToPath } from "node:url";

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
