// B3: a chat turn through our /api/chat (session, turn limit, history from the database, policy-backed tools,
// persistence) against a bare `streamText` route with the same offline model in the same process
// (app/api/bench/stream, enabled only by LUNCHBOX_BENCH=1). Own server with OFFLINE_MODEL_DELAY_MS=0, so the
// offline model's pauses do not hide the work: CPU ms per turn from the kernel's per-thread run time, and req/s
// with 20 turns at a time.
import { chatTurn } from "./lib/chat";
import { type Client, pool, signIn } from "./lib/client";
import { dbUrl, prepareDb, removeDb, startServer } from "./lib/server";
import { setup } from "./lib/setup";
import type { Figures, Log } from "./lib/types";

const PORT = 3501;
const CONCURRENCY = 20;
const CPU_TURNS = 300;
const BLOCK = 25;
const LOAD_TURNS = 400;
// A menu question: one tool call (getMenu) and a streamed answer listing the dishes.
const WORDS = "what's on the menu at Pizza Palace?";
const ROUTES = [
  ["ours", "/api/chat"],
  ["bare", "/api/bench/stream"],
] as const;
type Route = (typeof ROUTES)[number][0];

/** JIT, module caches and Prisma's first queries warm before anything is measured. */
async function warmUp(children: Client[], path: string) {
  await pool([...children, ...children], CONCURRENCY, (c) => chatTurn(c, WORDS, undefined, path));
}

export type B3State = { url: string; logins: string[] };

export async function b3Setup(log: Log): Promise<B3State> {
  const url = dbUrl("bench-chat");
  prepareDb(url);
  log("  creating 20 children through the family service");
  const { logins } = setup<{ logins: string[] }>(url, "children", { prefix: "turn", count: CONCURRENCY });
  return { url, logins };
}

export function b3Teardown(state: B3State) {
  removeDb(state.url);
}

export async function b3(prepared: B3State): Promise<Figures> {
  const server = await startServer({
    port: PORT,
    databaseUrl: prepared.url,
    cleanup: false,
    env: { LUNCHBOX_BENCH: "1", OFFLINE_MODEL_DELAY_MS: "0" },
  });
  try {
    const children = await pool(prepared.logins, 4, (login) => signIn(server.url, login));
    for (const [, path] of ROUTES) await warmUp(children, path);
    // CPU: turns one after another, so nothing else runs in the server meanwhile, in blocks that alternate between
    // the routes (and which goes first), so the host's load and each route's garbage collections fall on both alike.
    const cpu: Record<Route, number> = { ours: 0, bare: 0 };
    for (let block = 0; block < CPU_TURNS / BLOCK; block++) {
      for (const [name, path] of block % 2 ? [...ROUTES].reverse() : ROUTES) {
        const cpu0 = server.cpuMs();
        for (let i = 0; i < BLOCK; i++) await chatTurn(children[i % children.length] as Client, WORDS, undefined, path);
        cpu[name] += server.cpuMs() - cpu0;
      }
    }
    const figures: Figures = {};
    for (const [name, path] of ROUTES) {
      figures[`${name}.cpu_ms_per_turn`] = cpu[name] / CPU_TURNS;
      // Throughput: 20 children chatting at once.
      const t0 = performance.now();
      const turns = Array.from({ length: LOAD_TURNS }, (_, i) => children[i % children.length] as Client);
      await pool(turns, CONCURRENCY, (c) => chatTurn(c, WORDS, undefined, path));
      figures[`${name}.req_per_s`] = LOAD_TURNS / ((performance.now() - t0) / 1000);
    }
    figures["ratio.cpu"] = (figures["ours.cpu_ms_per_turn"] ?? 0) / (figures["bare.cpu_ms_per_turn"] ?? 1);
    figures["ratio.req_per_s"] = (figures["bare.req_per_s"] ?? 0) / (figures["ours.req_per_s"] ?? 1);
    return figures;
  } finally {
    await server.stop();
  }
}
