// What one idle event stream keeps alive, by heap snapshot: a bench server (--heapsnapshot-signal) writes a snapshot
// before and after a child opens N streams (1,000 by default) to PATH (/api/events by default); both land in data/
// (for Chrome DevTools' comparison view too) and the new objects are printed per stream, by what retains them.
// Not part of `npm run bench`; BENCHMARKS.md (B7) reports what it found:
//   node --import tsx --import ./bench/hooks.mjs bench/heap-per-stream.ts [N] [port] [path]
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { openSse, pool, type SseStream, signIn } from "./lib/client";
import { heapDiff } from "./lib/heap-diff";
import { dbUrl, ensureBuild, prepareDb, root, startServer } from "./lib/server";
import { sleep } from "./lib/stats";

const count = Number(process.argv[2] ?? 1000);
const port = Number(process.argv[3] ?? 3600);
const route = process.argv[4] ?? "/api/events";
const snapshots = () => new Set(fs.readdirSync(root).filter((f) => f.endsWith(".heapsnapshot")));

/** Signals the server to write a snapshot; waits for the file and for the server to answer again. */
async function snapshot(pid: number, url: string, name: string): Promise<string> {
  const before = snapshots();
  process.kill(pid, "SIGUSR2");
  for (;;) {
    await sleep(500);
    const file = [...snapshots()].find((f) => !before.has(f));
    // The server writes the snapshot on its main thread: once it answers, the file is complete.
    if (
      file &&
      (await fetch(`${url}/api/health`)
        .then((r) => r.ok)
        .catch(() => false))
    ) {
      const target = path.join(root, "data", name);
      fs.renameSync(path.join(root, file), target);
      return target;
    }
  }
}

ensureBuild(console.log);
const databaseUrl = dbUrl("bench-heap");
prepareDb(databaseUrl);
const server = await startServer({
  port,
  databaseUrl,
  nofile: 65_536,
  nodeArgs: ["--expose-gc", "--heapsnapshot-signal=SIGUSR2"],
  env: { LUNCHBOX_BENCH: "1" },
});
const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
let streams: SseStream[] = [];
let before = "";
let after = "";
try {
  const child = await signIn(server.url, "henry");
  const warm = await pool(Array.from({ length: 50 }), 10, () => openSse(child, agent, route));
  for (const s of warm) s.close();
  await sleep(2000);
  before = await snapshot(server.pid, server.url, "heap-0.heapsnapshot");
  streams = await pool(Array.from({ length: count }), 50, () => openSse(child, agent, route));
  await sleep(3000);
  after = await snapshot(server.pid, server.url, `heap-${count}.heapsnapshot`);
} finally {
  for (const s of streams) s.close();
  agent.destroy();
  await server.stop();
}
const { total, groups, chain } = heapDiff(before, after);
const kb = (bytes: number) => (bytes / 1000 / count).toFixed(2).padStart(7);
console.log(`${route}: ${kb(total)} KB kept alive per stream (${before}, ${after})`);
for (const g of groups.slice(0, 30))
  console.log(`${kb(g.bytes)} KB  ${(g.count / count).toFixed(2).padStart(6)} ×  ${g.label}`);
console.log(`suspended async functions holding a stream's request, innermost first: ${chain.join(" ← ")}`);
