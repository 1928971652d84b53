// The bench's own production servers: a build when the sources are newer than it, a fresh SQLite file per
// server (migrated and seeded as `npm start` does), `next start` on a bench port, and clean-up afterwards.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { sleep } from "./stats";

export const root = path.resolve(import.meta.dirname, "../..");
const bin = (name: string) => fs.realpathSync(path.join(root, "node_modules/.bin", name));

function newestSource(): number {
  let newest = 0;
  const visit = (file: string) => {
    if (file.includes(`${path.sep}generated`) || /\.test\.tsx?$/.test(file)) return;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const dir of ["app", "components", "lib", "public"]) visit(path.join(root, dir));
  for (const file of ["next.config.ts", "package.json", "proxy.ts", "postcss.config.mjs"]) visit(path.join(root, file));
  return newest;
}

/**
 * Generates the Prisma client (the bench's setup processes and the build both import it; a fresh clone has none),
 * then runs `next build` when .next is missing or older than a source file.
 */
export function ensureBuild(log: (line: string) => void): void {
  if (!fs.existsSync(path.join(root, "lib/generated/prisma/client.ts"))) {
    log("no Prisma client yet: npm run db:generate");
    const generated = spawnSync(process.execPath, [path.join(root, "prisma/cli.mjs"), "generate"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (generated.status !== 0)
      throw new Error(`prisma generate failed (exit ${generated.status ?? generated.signal})`);
  }
  const built = fs.statSync(path.join(root, ".next/BUILD_ID"), { throwIfNoEntry: false });
  if (built && built.mtimeMs > newestSource()) return;
  log("build is stale: next build");
  const result = spawnSync(process.execPath, [bin("next"), "build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
}

export function dbUrl(name: string): string {
  return `file:${path.join(root, "data", `${name}.db`)}`;
}

export function removeDb(url: string): void {
  if (!url.startsWith("file:")) return;
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(url.slice(5) + suffix, { force: true });
}

/** Applies the migrations the database does not have yet. */
export function migrate(url: string): void {
  const result = spawnSync(process.execPath, [path.join(root, "prisma/migrate.mjs"), "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error(`migrate deploy failed for ${url}`);
}

/** A fresh database: SQLite files deleted first; migrated with prisma/migrate.mjs and seeded with the demo family. */
export function prepareDb(url: string): void {
  removeDb(url);
  fs.mkdirSync(path.join(root, "data"), { recursive: true });
  const env = { ...process.env, DATABASE_URL: url };
  for (const args of [
    [path.join(root, "prisma/migrate.mjs"), "deploy"],
    [bin("tsx"), path.join(root, "prisma/seed.ts")],
  ]) {
    const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    if (result.status !== 0) throw new Error(`${path.basename(args[1] ?? "")} failed for ${url}`);
  }
}

export type BenchServer = {
  url: string;
  port: number;
  pid: number;
  /** User + system CPU time of the server process, in ms. */
  cpuMs(): number;
  /** Resident memory of the server process, in bytes. */
  rssBytes(): number;
  stop(): Promise<void>;
};

export type ServerOptions = {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  /** Open-file limit for the server (`ulimit -n`), for thousands of connections. */
  nofile?: number;
  /** Node options for the server process, such as --expose-gc. */
  nodeArgs?: string[];
  /** Delete the SQLite file when stopping. */
  cleanup?: boolean;
};

export async function startServer(options: ServerOptions): Promise<BenchServer> {
  const { port, databaseUrl } = options;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "bench-secret-not-for-production-7d2e91c4a8",
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    // The bench chats far faster than a child; the per-minute turn limit would turn it into a 429 bench.
    CHAT_TURNS_PER_MINUTE: "100000",
    ...options.env,
  };
  // Up to the hard limit: raising that needs privileges a container rarely has.
  const nofile = options.nofile ?? 4096;
  const nodeArgs = (options.nodeArgs ?? []).join(" ");
  const command = `ulimit -n ${nofile} 2>/dev/null || ulimit -n $(ulimit -Hn); exec "${process.execPath}" ${nodeArgs} "${bin("next")}" start -p ${port} -H 127.0.0.1`;
  const child: ChildProcess = spawn("sh", ["-c", command], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`next start on ${port} exited: ${stderr}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 240) {
      child.kill("SIGKILL");
      throw new Error(`next start on ${port} did not answer /api/health in 60 s: ${stderr}`);
    }
    await sleep(250);
  }
  const pid = child.pid ?? 0;
  return {
    url,
    port,
    pid,
    cpuMs() {
      // The kernel's run time of every thread, in ns (schedstat): /proc/<pid>/stat's utime + stime count in 10 ms
      // ticks, too coarse for a block of turns of ~10 ms each.
      let ns = 0;
      for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
        try {
          ns += Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
        } catch {
          // The thread ended between the listing and the read.
        }
      }
      return ns / 1e6;
    },
    rssBytes() {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb * 1024;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, sleep(5000)]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      if (options.cleanup !== false) removeDb(databaseUrl);
    },
  };
}
