// B3 as an A/B for changes, steadier than the bench on a shared host: the server's CPU per turn for both routes,
// from the kernel's run time of every server thread (/proc/<pid>/task/*/schedstat, in ns), in alternating blocks of
// 25 turns (a route's garbage is mostly collected inside its own block). Not part of `npm run bench`. Usage:
//   node --import tsx --import ./bench/hooks.mjs bench/b3-ab.ts [turns per route, default 300]
import fs from "node:fs";
import { chatTurn } from "./lib/chat";
import { type Client, pool, signIn } from "./lib/client";
import { dbUrl, ensureBuild, prepareDb, removeDb, startServer } from "./lib/server";
import { setup } from "./lib/setup";
import { median, round } from "./lib/stats";

const WORDS = "what's on the menu at Pizza Palace?";
const BLOCK = 25;
const turns = Number(process.argv[2] ?? 300);
const routes = [
  ["ours", "/api/chat"],
  ["bare", "/api/bench/stream"],
] as const;

ensureBuild(console.log);
const url = dbUrl("bench-ab");
prepareDb(url);
const { logins } = setup<{ logins: string[] }>(url, "children", { prefix: "ab", count: 20 });
const server = await startServer({
  port: 3501,
  databaseUrl: url,
  cleanup: false,
  env: { LUNCHBOX_BENCH: "1", OFFLINE_MODEL_DELAY_MS: "0" },
});

function runMs(): number {
  let ns = 0;
  for (const task of fs.readdirSync(`/proc/${server.pid}/task`)) {
    try {
      ns += Number(fs.readFileSync(`/proc/${server.pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return ns / 1e6;
}

try {
  const children = await pool(logins, 4, (login) => signIn(server.url, login));
  for (const [, path] of routes) await pool([...children, ...children], 20, (c) => chatTurn(c, WORDS, undefined, path));
  const blocks: Record<string, number[]> = { ours: [], bare: [] };
  for (let b = 0; b < turns / BLOCK; b++) {
    for (const [name, path] of b % 2 ? [...routes].reverse() : routes) {
      const start = runMs();
      for (let i = 0; i < BLOCK; i++) await chatTurn(children[i % children.length] as Client, WORDS, undefined, path);
      blocks[name]?.push((runMs() - start) / BLOCK);
    }
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [ours, bare] = [blocks.ours ?? [], blocks.bare ?? []];
  console.log(
    JSON.stringify({
      "ours.cpu_ms_per_turn": round(mean(ours), 2),
      "bare.cpu_ms_per_turn": round(mean(bare), 2),
      ratio: round(mean(ours) / mean(bare), 2),
      "ratio.median_blocks": round(median(ours) / median(bare), 2),
      load: fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
    }),
  );
} finally {
  await server.stop();
  removeDb(url);
}
