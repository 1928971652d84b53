// Extra production servers for specs that stop, restart or multiply the app: `next start` from the existing build
// on a port of their own, with the environment they are given, ready once /api/health answers 200.
// The shared e2e server (playwright.config.ts's webServer) is never touched.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");

/** Environment variables as given to a child process (NodeJS.ProcessEnv would require NODE_ENV in each literal). */
export type EnvVars = Record<string, string | undefined>;

export const bin = (name: string) => fs.realpathSync(path.join(root, "node_modules/.bin", name));

/** Ports next to the run's E2E_PORT (3100 by default), so two checkouts' runs never share one. */
export function instancePort(offset: number): number {
  return (Number(process.env.E2E_PORT) || 3100) + offset;
}

/** What every extra server needs besides its database: a session secret, the offline model, production mode. */
export function baseServerEnv(overrides: EnvVars): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AUTH_SECRET: "instances-secret-not-for-production-7c3a9e51",
    AUTH_TRUST_HOST: "true",
    OFFLINE_MODEL_DELAY_MS: "5",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    ...overrides,
  };
  // The offline model: a spec must not depend on (or pay for) a real one.
  delete env.OPENAI_API_KEY;
  return env;
}

function appendLog(file: string, line: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `\n=== ${new Date().toISOString()} ${line}\n`);
}

/** Migrates and seeds the database of `env` as e2e/serve.mjs does; output goes to the log file. */
export function migrateAndSeed(env: NodeJS.ProcessEnv, logFile: string): void {
  for (const args of [
    [path.join(root, "prisma/migrate.mjs"), "deploy"],
    [bin("tsx"), path.join(root, "prisma/seed.ts")],
  ]) {
    const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: "utf8" });
    fs.appendFileSync(logFile, `${result.stdout}${result.stderr}`);
    if (result.status !== 0) throw new Error(`${path.basename(args[0] ?? "")} failed: see ${logFile}`);
  }
}

export type ServerOptions = { port: number; env: NodeJS.ProcessEnv; logFile: string };

export class NextServer {
  readonly url: string;
  private process: ChildProcess | null = null;
  private exited: Promise<NodeJS.Signals | number | null> = Promise.resolve(null);

  constructor(private readonly options: ServerOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  /** Empties the log file: call once per spec run, before the first start. */
  freshLog(): void {
    fs.mkdirSync(path.dirname(this.options.logFile), { recursive: true });
    fs.writeFileSync(this.options.logFile, "");
  }

  log(line: string): void {
    appendLog(this.options.logFile, line);
  }

  /** Starts `next start` (with `extraEnv` over the server's env) and waits until /api/health says ready. */
  async start(extraEnv: EnvVars = {}, note = ""): Promise<void> {
    if (this.process) throw new Error(`The server on port ${this.options.port} is already running.`);
    this.log(`start on port ${this.options.port}${note ? ` ${note}` : ""}`);
    const out = fs.openSync(this.options.logFile, "a");
    const child = spawn(process.execPath, [bin("next"), "start", "-p", String(this.options.port), "-H", "127.0.0.1"], {
      cwd: root,
      env: { ...this.options.env, ...extraEnv },
      stdio: ["ignore", out, out],
    });
    fs.closeSync(out);
    this.process = child;
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      if (await this.healthy()) return;
      await sleep(100);
    }
    throw new Error(`The server on port ${this.options.port} did not become healthy: see ${this.options.logFile}`);
  }

  get running(): boolean {
    return this.process !== null && this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Waits for the server to die by itself (a failpoint fired); false if it is still up after the wait. */
  async died(withinMs: number): Promise<boolean> {
    if (!this.process) return true;
    const result = await Promise.race([this.exited.then(() => true), sleep(withinMs).then(() => false)]);
    if (result) {
      this.log(`died by itself (${await this.exited})`);
      this.process = null;
    }
    return result;
  }

  /**
   * SIGTERM lets Next finish its open requests and exit (143); SIGKILL is a power cut. Waits until the process is
   * gone and returns how it ended; a graceful stop still running after 15 s is killed, and then says SIGKILL.
   */
  async stop(signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<NodeJS.Signals | number | null> {
    if (!this.process) return null;
    const child = this.process;
    if (this.running) child.kill(signal);
    const hard = setTimeout(() => {
      const open = spawnSync("ss", ["-tnpo", "state", "established", `( sport = :${this.options.port} )`], {
        encoding: "utf8",
      });
      this.log(`still running after ${signal}: killing it; connections open:\n${open.stdout ?? ""}`);
      child.kill("SIGKILL");
    }, 15_000);
    const ended = await this.exited;
    clearTimeout(hard);
    this.log(`stopped with ${signal} (${ended})`);
    this.process = null;
    return ended;
  }

  /** kill -9 and wait until the process is gone. */
  async kill(): Promise<void> {
    await this.stop("SIGKILL");
  }

  async healthy(): Promise<boolean> {
    try {
      const response = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      return response.status === 200;
    } catch {
      return false;
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
