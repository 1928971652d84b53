// B7: idle SSE connections one `next start` holds, and the memory each costs: a child opens 5,000 streams
// (tabs) on a fresh server whose open-file limit the bench raises. Memory is read twice over: the resident memory
// from /proc (what the machine gives the process, garbage not yet collected included), and, after a full garbage
// collection (the server runs with --expose-gc; app/api/bench/memory), the V8 heap and external memory the open
// streams keep alive. Then one event is delivered to every stream, to show they are alive, not just open. Last, the
// same on a second fresh server with a bare route handler (app/api/bench/idle-stream): what Next itself costs.
import http from "node:http";
import { askForDeluxe } from "./lib/chat";
import { type Client, openSse, pool, type SseStream, signIn } from "./lib/client";
import { dbUrl, prepareDb, removeDb, startServer } from "./lib/server";
import { percentile, sleep } from "./lib/stats";
import type { Figures } from "./lib/types";

const PORT = 3502;
const CONNECTIONS = 5000;
/** A bare Next route handler holding a stream open (app/api/bench/idle-stream). */
const BARE = "/api/bench/idle-stream";

type Memory = {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  spaces: Record<string, { size: number; used: number }>;
};

/** The server's memory after a full garbage collection. */
async function collected(baseUrl: string): Promise<Memory> {
  const response = await fetch(`${baseUrl}/api/bench/memory`);
  if (!response.ok) throw new Error(`/api/bench/memory answered ${response.status}`);
  return (await response.json()) as Memory;
}

/**
 * On a fresh server, a child opens CONNECTIONS streams to `path` after a warm-up; the server's memory is read
 * before and after, as it runs and after a collection. `during` runs while the streams are open.
 */
async function hold<T>(databaseUrl: string, path: string, during: (child: Client, streams: SseStream[]) => Promise<T>) {
  const server = await startServer({
    port: PORT,
    databaseUrl,
    nofile: 65_536,
    nodeArgs: ["--expose-gc"],
    env: { LUNCHBOX_BENCH: "1" },
    cleanup: false,
  });
  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  let streams: SseStream[] = [];
  try {
    // Signed in for both routes, so both requests carry the same cookies.
    const child = await signIn(server.url, "henry");
    // Warm-up: the route's code loaded and JIT-compiled, a few streams opened and closed.
    const warm = await pool(Array.from({ length: 50 }), 10, () => openSse(child, agent, path));
    for (const s of warm) s.close();
    await sleep(2000);
    const gcBefore = await collected(server.url);
    const before = server.rssBytes();
    const opened = performance.now();
    streams = await pool(Array.from({ length: CONNECTIONS }), 50, () => openSse(child, agent, path));
    const openSeconds = (performance.now() - opened) / 1000;
    await sleep(3000);
    // Read first, before the collection: what the process holds as it runs, garbage included.
    const after = server.rssBytes();
    const gcAfter = await collected(server.url);
    const per = (bytes: number) => bytes / 1000 / CONNECTIONS;
    const space = (name: string) => (gcAfter.spaces[name]?.size ?? 0) - (gcBefore.spaces[name]?.size ?? 0);
    return {
      opened: streams.length,
      openSeconds,
      rssDelta: after - before,
      kbPerConnection: per(after - before),
      retainedKb: per(gcAfter.heapUsed + gcAfter.external - gcBefore.heapUsed - gcBefore.external),
      heapTotalKb: per(gcAfter.heapTotal - gcBefore.heapTotal),
      rssAfterGcKb: per(gcAfter.rss - gcBefore.rss),
      newSpaceMib: space("new_space") / 2 ** 20,
      result: await during(child, streams),
    };
  } finally {
    for (const s of streams) s.close();
    agent.destroy();
    await server.stop();
  }
}

/** One event for the child reaches every stream: when each got it, from the request that made it. */
async function fanOut(child: Client, streams: SseStream[]): Promise<number[]> {
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
  return arrivals.filter((a) => !Number.isNaN(a));
}

export async function b7(): Promise<Figures> {
  const url = dbUrl("bench-sse");
  prepareDb(url);
  try {
    const ours = await hold(url, "/api/events", fanOut);
    // Next's own share: as many streams on a bare route handler, on a fresh server of its own.
    const bare = await hold(url, BARE, async () => null);
    const delivered = ours.result;
    return {
      connections: ours.opened,
      delivered: delivered.length,
      "open_rate.per_s": ours.opened / ours.openSeconds,
      rss_delta_mib: ours.rssDelta / 2 ** 20,
      kb_per_connection: ours.kbPerConnection,
      "retained.kb_per_connection": ours.retainedKb,
      "heap_total.kb_per_connection": ours.heapTotalKb,
      "rss_after_gc.kb_per_connection": ours.rssAfterGcKb,
      "new_space_growth.mib": ours.newSpaceMib,
      "bare_route.kb_per_connection": bare.kbPerConnection,
      "bare_route.retained_kb_per_connection": bare.retainedKb,
      "fanout.p50_ms": percentile(delivered, 50),
      "fanout.p95_ms": percentile(delivered, 95),
    };
  } finally {
    removeDb(url);
  }
}
