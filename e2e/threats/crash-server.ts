// The crash harness's own production server (`next start` on port 3190, data/crash.db), which it kills and restarts.
// Kept apart from the shared e2e server: a crash here must never take another spec's server down.
import fs from "node:fs";
import path from "node:path";
import { baseServerEnv, migrateAndSeed, NextServer, root } from "../instances/server";

export { sleep } from "../instances/server";

export const CRASH_PORT = 3190;
export const CRASH_URL = `http://127.0.0.1:${CRASH_PORT}`;
export const crashDbFile = path.join(root, "data", "crash.db");
export const crashLogFile = path.join(root, "test-results", "crash-server.log");

const crashEnv = baseServerEnv({
  DATABASE_URL: `file:${crashDbFile}`,
  AUTH_SECRET: "crash-secret-not-for-production-8d2e5b1c",
  LUNCHBOX_FAILPOINTS_ENABLED: "1",
  LUNCHBOX_FAILPOINT: "",
});

/** A fresh database, migrated and seeded as e2e/serve.mjs does; `prepare` then adjusts it by SQL. */
export function freshCrashDatabase(): void {
  fs.mkdirSync(path.dirname(crashLogFile), { recursive: true });
  fs.writeFileSync(crashLogFile, "");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(crashDbFile + suffix, { force: true });
  migrateAndSeed(crashEnv, crashLogFile);
}

const server = () => new NextServer({ port: CRASH_PORT, env: crashEnv, logFile: crashLogFile });

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

const probe = server();

export function healthy(): Promise<boolean> {
  return probe.healthy();
}
