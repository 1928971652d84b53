// The crash harness's own production server (`next start` on port 3190), which it kills and restarts, on its own
// database: data/crash.db, or lunchbox_crash_3190 on the run's PostgreSQL server (e2e/database.mjs).
// Kept apart from the shared e2e server: a crash here must never take another spec's server down.
import path from "node:path";
import { emptyTestDatabase, testDatabaseUrl } from "../database.mjs";
import { type Sql, withSql } from "../db";
import { baseServerEnv, migrateAndSeed, NextServer, root } from "../instances/server";

export { sleep } from "../instances/server";

export const CRASH_PORT = 3190;
export const CRASH_URL = `http://127.0.0.1:${CRASH_PORT}`;
export const crashDatabaseUrl = testDatabaseUrl("crash", CRASH_PORT);
export const crashOnPostgres = !crashDatabaseUrl.startsWith("file:");
export const crashLogFile = path.join(root, "test-results", "crash-server.log");

const crashEnv = baseServerEnv({
  DATABASE_URL: crashDatabaseUrl,
  AUTH_SECRET: "crash-secret-not-for-production-8d2e5b1c",
  LUNCHBOX_FAILPOINTS_ENABLED: "1",
  LUNCHBOX_FAILPOINT: "",
});

/** SQL on the crash database (e2e/db.ts: the same statements on SQLite and PostgreSQL). */
export function withCrashDb<T>(work: (db: Sql) => Promise<T>): Promise<T> {
  return withSql(crashDatabaseUrl, work);
}

const server = () => new NextServer({ port: CRASH_PORT, env: crashEnv, logFile: crashLogFile });
const probe = server();

/** A fresh database, migrated and seeded as e2e/serve.mjs does; the spec then adjusts it by SQL. */
export async function freshCrashDatabase(): Promise<void> {
  probe.freshLog();
  await emptyTestDatabase(crashDatabaseUrl);
  migrateAndSeed(crashEnv, crashLogFile);
}

export class CrashServer {
  private readonly server = server();

  /** Starts `next start` with this failpoint armed ("" for none) and waits until /api/health says ready. */
  start(failpoint = ""): Promise<void> {
    return this.server.start({ LUNCHBOX_FAILPOINT: failpoint }, failpoint ? `with failpoint ${failpoint}` : "");
  }

  get running(): boolean {
    return this.server.running;
  }

  /** Waits for the server to die by itself (a failpoint fired); false if it is still up after the wait. */
  died(withinMs: number): Promise<boolean> {
    return this.server.died(withinMs);
  }

  /** kill -9, like a power cut, and waits until the process is gone. */
  kill(): Promise<void> {
    return this.server.kill();
  }
}

export function healthy(): Promise<boolean> {
  return probe.healthy();
}
