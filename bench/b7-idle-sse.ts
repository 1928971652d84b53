// B7: idle SSE connections one `next start` holds, and the memory each costs: a child opens 5,000 streams
// (tabs) on a fresh server whose open-file limit the bench raises. Memory is read twice over: the resident memory
// from /proc (what the machine gives the process, garbage not yet collected included), and, after a full garbage
// collection (the server runs with --expose-gc; app/api/bench/memory), the V8 heap and external memory the open
// streams keep alive. Then one event is delivered to every stream, to show they are alive, not just open.
import http from "node:http";
import { askForDeluxe } from "./lib/chat";
import { openSse, pool, type SseStream, signIn } from "./lib/client";
import { dbUrl, prepareDb, startServer } from "./lib/server";
import { percentile, sleep } from "./lib/stats";
import type { Figures } from "./lib/types";

const PORT = 3502;
const CONNECTIONS = 5000;

type Memory = { rss: number; heapUsed: number; external: number };

/** The server's memory after a full garbage collection. */
async function collected(baseUrl: string): Promise<Memory> {
  const response = await fetch(`${baseUrl}/api/bench/memory`);
  if (!response.ok) throw new Error(`/api/bench/memory answered ${response.status}`);
  return (await response.json()) as Memory;
}

export async function b7(): Promise<Figures> {
  const url = dbUrl("bench-sse");
  prepareDb(url);
  const server = await startServer({
    port: PORT,
    databaseUrl: url,
    nofile: 65_536,
    nodeArgs: ["--expose-gc"],
    env: { LUNCHBOX_BENCH: "1" },
  });
  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  let streams: SseStream[] = [];
  try {
    const child = await signIn(server.url, "henry");
    // Warm-up: the route's code loaded and JIT-compiled, a few streams opened and closed.
    const warm = await pool(Array.from({ length: 50 }), 10, () => openSse(child, agent));
    for (const s of warm) s.close();
    await sleep(2000);
    const gcBefore = await collected(server.url);
    const before = server.rssBytes();
    const opened = performance.now();
    streams = await pool(Array.from({ length: CONNECTIONS }), 50, () => openSse(child, agent));
    const openSeconds = (performance.now() - opened) / 1000;
    await sleep(3000);
    // Read first, before the collection below: what the process holds as it runs.
    const after = server.rssBytes();
    const gcAfter = await collected(server.url);
    const perStream = (bytes: number) => bytes / 1000 / streams.length;
    // One event for the child reaches every stream.
    const t0 = performance.now();
    const { requestId } = await askForDeluxe(child, 1);
    const arrivals = await Promise.all(
      streams.map((s) =>
        s
          .waitFor((e) => e.event === "request.created" && e.data.includes(requestId), 60_000)
          .then(
            (e) => e.at - t0,
            () => Number.NaN,
          ),
      ),
    );
    const delivered = arrivals.filter((a) => !Number.isNaN(a));
    return {
      connections: streams.length,
      delivered: delivered.length,
      "open_rate.per_s": streams.length / openSeconds,
      rss_delta_mib: (after - before) / 2 ** 20,
      kb_per_connection: perStream(after - before),
      "retained.kb_per_connection": perStream(
        gcAfter.heapUsed + gcAfter.external - gcBefore.heapUsed - gcBefore.external,
      ),
      "retained.heap_kb": perStream(gcAfter.heapUsed - gcBefore.heapUsed),
      "retained.external_kb": perStream(gcAfter.external - gcBefore.external),
      "rss_after_gc.kb_per_connection": perStream(gcAfter.rss - gcBefore.rss),
      "fanout.p50_ms": percentile(delivered, 50),
      "fanout.p95_ms": percentile(delivered, 95),
    };
  } finally {
    for (const s of streams) s.close();
    agent.destroy();
    await server.stop();
  }
}
