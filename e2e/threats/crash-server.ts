// The crash harness's own production server (`next start` on port 3190, data/crash.db), which it kills and restarts.
// Kept apart from the shared e2e server: a crash here must never take another spec's server down.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
export const CRASH_PORT = 3190;
export const CRASH_URL = `http://127.0.0.1:${CRASH_PORT}`;
export const crashDbFile = path.join(root, "data", "crash.db");
export const crashLogFile = path.join(root, "test-results", "crash-server.log");

const bin = (name: string) => fs.realpathSync(path.join(root, "node_modules/.bin", name));

function serverEnv(failpoint: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${crashDbFile}`,
    AUTH_SECRET: "crash-secret-not-for-production-8d2e5b1c",
    AUTH_TRUST_HOST: "true",
    OFFLINE_MODEL_DELAY_MS: "5",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    LUNCHBOX_FAILPOINTS_ENABLED: "1",
    LUNCHBOX_FAILPOINT: failpoint,
  };
  // The offline model: a crash test must not depend on (or pay for) a real one.
  delete env.OPENAI_API_KEY;
  return env;
}

function log(line: string): void {
  fs.appendFileSync(crashLogFile, `\n=== ${new Date().toISOString()} ${line}\n`);
}

/** A fresh database, migrated and seeded as e2e/serve.mjs does; `prepare` then adjusts it by SQL. */
export function freshCrashDatabase(): void {
  fs.mkdirSync(path.dirname(crashLogFile), { recursive: true });
  fs.writeFileSync(crashLogFile, "");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(crashDbFile + suffix, { force: true });
  for (const args of [
    [path.join(root, "prisma/migrate.mjs"), "deploy"],
    [bin("tsx"), path.join(root, "prisma/seed.ts")],
  ]) {
    const result = spawnSync(process.execPath, args, { cwd: root, env: serverEnv(""), encoding: "utf8" });
    fs.appendFileSync(crashLogFile, `${result.stdout}${result.stderr}`);
    if (result.status !== 0) throw new Error(`${path.basename(args[0] ?? "")} failed: see ${crashLogFile}`);
  }
}

export class CrashServer {
  private process: ChildProcess | null = null;
  private exited: Promise<NodeJS.Signals | number | null> = Promise.resolve(null);

  /** Starts `next start` with this failpoint armed ("" for none) and waits until /api/health says ready. */
  async start(failpoint = ""): Promise<void> {
    if (this.process) throw new Error("The crash server is already running.");
    log(`start${failpoint ? ` with failpoint ${failpoint}` : ""}`);
    const out = fs.openSync(crashLogFile, "a");
    const child = spawn(process.execPath, [bin("next"), "start", "-p", String(CRASH_PORT), "-H", "127.0.0.1"], {
      cwd: root,
      env: serverEnv(failpoint),
      stdio: ["ignore", out, out],
    });
    fs.closeSync(out);
    this.process = child;
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      if (await healthy()) return;
      await sleep(100);
    }
    throw new Error(`The crash server did not become healthy: see ${crashLogFile}`);
  }

  get running(): boolean {
    return this.process !== null && this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Waits for the server to die by itself (a failpoint fired); false if it is still up after the wait. */
  async died(withinMs: number): Promise<boolean> {
    if (!this.process) return true;
    const result = await Promise.race([this.exited.then(() => true), sleep(withinMs).then(() => false)]);
    if (result) {
      log(`died by itself (${await this.exited})`);
      this.process = null;
    }
    return result;
  }

  /** kill -9, like a power cut, and waits until the process is gone. */
  async kill(): Promise<void> {
    if (!this.process) return;
    const child = this.process;
    if (this.running) child.kill("SIGKILL");
    log(`killed (${await this.exited})`);
    this.process = null;
  }
}

export async function healthy(): Promise<boolean> {
  try {
    const response = await fetch(`${CRASH_URL}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
