// B4: a decision made on one instance reaches a child connected to another, through PostgreSQL: two `next start`
// (ports 3505 and 3506) on the database named by BENCH_POSTGRES_URL; the child's stream is on the first, the
// parent decides on the second; the event crosses through the outbox and LISTEN/NOTIFY.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { checkDatabaseUrl } from "../prisma/preflight.mjs";
import { askForDeluxe, decide } from "./lib/chat";
import { type Client, openSse, signIn } from "./lib/client";
import { type BenchServer, root, startServer } from "./lib/server";
import { setup } from "./lib/setup";
import { percentile } from "./lib/stats";
import type { Figures, Log } from "./lib/types";

const PORTS = [3505, 3506] as const;
const SAMPLES = 30;

export class Skip extends Error {}

/** Why B4 cannot run here, or null when it can. */
export function b4Blocker(): string | null {
  if (!process.env.BENCH_POSTGRES_URL)
    return "BENCH_POSTGRES_URL is not set (e.g. postgresql://root@127.0.0.1:5432/bench)";
  return null;
}

function node(args: string[], env: Record<string, string>, what: string) {
  const full: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env };
  // No DATABASE_URL: the default SQLite file, as for `npm start`.
  if (!env.DATABASE_URL) delete full.DATABASE_URL;
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: full,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal})`);
}

const bin = (name: string) => fs.realpathSync(path.join(root, "node_modules/.bin", name));

export type B4State = { servers: BenchServer[]; parent: Client; child: Client };

/**
 * The Prisma client is generated per provider and bundled by `next build`: generate and build for PostgreSQL,
 * reset, migrate and seed the database, then start both instances. b4Teardown puts the SQLite client back.
 */
export async function b4Setup(log: Log): Promise<B4State> {
  const blocker = b4Blocker();
  if (blocker) throw new Skip(blocker);
  const url = process.env.BENCH_POSTGRES_URL ?? "";
  const env = { DATABASE_URL: url };
  // The bench's own database: made when missing (it is reset below anyway).
  const problem = await checkDatabaseUrl(url, { create: true });
  if (problem) throw new Error(problem);
  log("  PostgreSQL: generate the client, reset + migrate + seed, next build (the SQLite build is replaced)");
  node([path.join(root, "prisma/cli.mjs"), "generate"], env, "prisma generate for PostgreSQL");
  node([path.join(root, "prisma/migrate.mjs"), "reset"], env, "migrate reset");
  node([path.join(root, "prisma/migrate.mjs"), "deploy"], env, "migrate deploy");
  node([bin("tsx"), path.join(root, "prisma/seed.ts")], env, "seed");
  node([bin("next"), "build"], env, "next build for PostgreSQL");
  const { logins } = setup<{ logins: string[] }>(url, "children", { prefix: "pgkid", count: 1 });
  const servers: BenchServer[] = [];
  try {
    for (const port of PORTS) servers.push(await startServer({ port, databaseUrl: url, cleanup: false }));
    const [a, b] = servers as [BenchServer, BenchServer];
    return { servers, child: await signIn(a.url, logins[0] ?? ""), parent: await signIn(b.url, "jane@example.com") };
  } catch (error) {
    for (const server of servers) await server.stop();
    throw error;
  }
}

export async function b4Teardown(state: B4State | null) {
  for (const server of state?.servers ?? []) await server.stop();
  // Back to the SQLite client; the PostgreSQL build is removed so the next bench or `npm start` rebuilds.
  node([path.join(root, "prisma/cli.mjs"), "generate"], { DATABASE_URL: "" }, "prisma generate for SQLite");
  fs.rmSync(path.join(root, ".next/BUILD_ID"), { force: true });
}

export async function b4(state: B4State, run: number): Promise<Figures> {
  const stream = await openSse(state.child);
  const samples: number[] = [];
  try {
    for (let i = 0; i < SAMPLES; i++) {
      const { requestId } = await askForDeluxe(state.child, 1 + ((run + i) % 3));
      const started = performance.now();
      const arrived = stream.waitFor(
        (e) => e.event === "request.resolved" && (JSON.parse(e.data) as { requestId?: string }).requestId === requestId,
        10_000,
      );
      await decide(state.parent, requestId);
      samples.push((await arrived).at - started);
    }
  } finally {
    stream.close();
  }
  return { "cross_instance.p50_ms": percentile(samples, 50), "cross_instance.p95_ms": percentile(samples, 95) };
}
