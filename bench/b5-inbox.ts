// B5: the parent's inbox of a family with 10,000 requests (200 pending), made through the placeOrder tool's
// service and the decide service: the inbox query's time (getInbox, in a process of its own on the same file)
// and the time to the first byte and to the last byte of GET /inbox from `next start`. The page shows one page of
// waiting requests (20) and the 20 latest decided; its shell (heading, skeletons) is sent before the cards.

import { cachedDb } from "./lib/cache";
import { signIn } from "./lib/client";
import { removeDb, startServer } from "./lib/server";
import { setup } from "./lib/setup";
import { percentile } from "./lib/stats";
import type { Figures, Log } from "./lib/types";

const PORT = 3503;
const SAMPLES = 20;

export type B5State = { url: string; counts: Record<string, number> };

const SHAPE = { prefix: "inbox", children: 50, total: 10_000, pending: 200 };

export async function b5Setup(log: Log): Promise<B5State> {
  log("  10,000 requests (200 pending) through the order and decide services (minutes the first time)");
  const { url, made } = cachedDb("bench-inbox", SHAPE, log, (dbUrl) =>
    setup<{ counts: Record<string, number> }>(dbUrl, "inbox", SHAPE),
  );
  if (made) log(`  requests by status: ${JSON.stringify(made.counts)}`);
  return { url, counts: made?.counts ?? {} };
}

export function b5Teardown(state: B5State) {
  removeDb(state.url);
}

export async function b5(state: B5State): Promise<Figures> {
  const query = setup<{ times: number[]; shown: number; requests: number }>(state.url, "inboxQuery", {
    samples: SAMPLES,
  });
  const server = await startServer({ port: PORT, databaseUrl: state.url, cleanup: false });
  try {
    const parent = await signIn(server.url, "jane@example.com");
    const firstByte: number[] = [];
    const lastByte: number[] = [];
    let bytes = 0;
    let cards = 0;
    for (let i = 0; i < SAMPLES + 3; i++) {
      const t0 = performance.now();
      const response = await parent.fetch("/inbox");
      if (response.status !== 200) throw new Error(`/inbox answered ${response.status}`);
      const reader = response.body?.getReader();
      let first = Number.NaN;
      let html = "";
      const decoder = new TextDecoder();
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        if (Number.isNaN(first)) first = performance.now();
        html += decoder.decode(chunk.value, { stream: true });
      }
      if (i < 3) continue;
      firstByte.push(first - t0);
      lastByte.push(performance.now() - t0);
      bytes = html.length;
      cards = (html.match(/<article/g) ?? []).length;
    }
    return {
      "query.p50_ms": percentile(query.times, 50),
      "query.p95_ms": percentile(query.times, 95),
      requests: query.requests,
      rows_shown: query.shown,
      "ttfb.p50_ms": percentile(firstByte, 50),
      "ttfb.p95_ms": percentile(firstByte, 95),
      "full_page.p50_ms": percentile(lastByte, 50),
      "full_page.p95_ms": percentile(lastByte, 95),
      html_kib: bytes / 1024,
      cards_in_html: cards,
    };
  } finally {
    await server.stop();
  }
}
