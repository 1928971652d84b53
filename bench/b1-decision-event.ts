// B1: a parent's decision → the child's live event (SSE), with 1 and with 200 children waiting, and the same
// through a 2-second polling loop of the child's status (how peers learn of decisions: HumanLayer polls every 3 s).
import { askForDeluxe, decide } from "./lib/chat";
import { type Client, openSse, pool, type SseStream } from "./lib/client";
import { percentile, sleep } from "./lib/stats";
import type { Figures, Log, MainFixture } from "./lib/types";

const SOLO_SAMPLES = 30;
const CROWD_SAMPLES = 50;
const POLL_SAMPLES = 12;
const POLL_MS = 2000;

const resolvedFor = (requestId: string) => (e: { event?: string; data: string }) =>
  e.event === "request.resolved" && (JSON.parse(e.data) as { requestId?: string }).requestId === requestId;

/** `count` indexes spread evenly over `length` children. */
function spread(count: number, length: number): number[] {
  return Array.from({ length: Math.min(count, length) }, (_, i) => Math.floor((i * length) / Math.min(count, length)));
}

/** Nobody keeps waiting into the next run: the requests that were not sampled are denied. */
async function denyRest(fx: MainFixture, requests: Array<{ requestId: string }>, chosen: number[]) {
  const rest = requests.filter((_, k) => !chosen.includes(k));
  await pool(rest, 4, (r) => decide(fx.parent, r.requestId, "DENY"));
}

/** Time from sending the decision to the child's stream delivering it. */
async function timeDecision(parent: Client, stream: SseStream, requestId: string): Promise<number> {
  const started = performance.now();
  const arrived = stream.waitFor(resolvedFor(requestId));
  await decide(parent, requestId);
  return (await arrived).at - started;
}

async function sseSolo(fx: MainFixture, run: number): Promise<number[]> {
  const stream = await openSse(fx.solo);
  const samples: number[] = [];
  try {
    for (let i = 0; i < SOLO_SAMPLES; i++) {
      const { requestId } = await askForDeluxe(fx.solo, 1 + ((run + i) % 3));
      samples.push(await timeDecision(fx.parent, stream, requestId));
    }
  } finally {
    stream.close();
  }
  return samples;
}

async function sseCrowd(fx: MainFixture, run: number): Promise<number[]> {
  const streams = await pool(fx.crowd, 20, (child) => openSse(child));
  const requests = await pool(fx.crowd, 4, (child) => askForDeluxe(child, 1 + (run % 3)));
  const chosen = spread(CROWD_SAMPLES, fx.crowd.length);
  const samples: number[] = [];
  try {
    for (const k of chosen) {
      samples.push(
        await timeDecision(fx.parent, streams[k] as SseStream, (requests[k] as { requestId: string }).requestId),
      );
    }
  } finally {
    for (const stream of streams) stream.close();
    await denyRest(fx, requests, chosen);
  }
  return samples;
}

/** A child's poller: GET /api/chat/status every 2 s (from a random phase); resolves when pendingCount drops. */
function poller(child: Client) {
  let stopped = false;
  const seen: Array<{ sentAt: number; at: number; pending: number }> = [];
  const loop = (async () => {
    await sleep(Math.random() * POLL_MS);
    while (!stopped) {
      const sentAt = performance.now();
      const res = await child.fetch("/api/chat/status");
      const { pendingCount } = (await res.json()) as { pendingCount: number };
      seen.push({ sentAt, at: performance.now(), pending: pendingCount });
      await sleep(Math.max(0, POLL_MS - (performance.now() - sentAt)));
    }
  })();
  return {
    /** When the first poll sent after `since` saw fewer than `before` requests waiting. */
    async learned(since: number, before: number): Promise<number> {
      for (;;) {
        const hit = seen.find((s) => s.sentAt >= since && s.pending < before);
        if (hit) return hit.at;
        await sleep(20);
      }
    },
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

async function pendingOf(child: Client): Promise<number> {
  return ((await (await child.fetch("/api/chat/status")).json()) as { pendingCount: number }).pendingCount;
}

async function pollSolo(fx: MainFixture, run: number): Promise<number[]> {
  const poll = poller(fx.solo);
  const samples: number[] = [];
  try {
    for (let i = 0; i < POLL_SAMPLES; i++) {
      const { requestId } = await askForDeluxe(fx.solo, 1 + ((run + i) % 3));
      const before = await pendingOf(fx.solo);
      // A decision lands at a random moment of the child's polling cycle.
      await sleep(Math.random() * POLL_MS);
      const started = performance.now();
      await decide(fx.parent, requestId);
      samples.push((await poll.learned(started, before)) - started);
    }
  } finally {
    await poll.stop();
  }
  return samples;
}

async function pollCrowd(fx: MainFixture, run: number): Promise<number[]> {
  const requests = await pool(fx.crowd, 4, (child) => askForDeluxe(child, 1 + (run % 3)));
  const pollers = fx.crowd.map((child) => poller(child));
  await sleep(POLL_MS * 1.5);
  const chosen = spread(POLL_SAMPLES, fx.crowd.length);
  try {
    return await Promise.all(
      chosen.map(async (k, i) => {
        await sleep(i * 170);
        const started = performance.now();
        await decide(fx.parent, (requests[k] as { requestId: string }).requestId);
        return (await (pollers[k] as ReturnType<typeof poller>).learned(started, 1)) - started;
      }),
    );
  } finally {
    await Promise.all(pollers.map((p) => p.stop()));
    await denyRest(fx, requests, chosen);
  }
}

export async function b1(fx: MainFixture, run: number, log: Log): Promise<Figures> {
  const solo = await sseSolo(fx, run);
  log(`  sse, 1 waiting: ${solo.length} samples`);
  const crowd = await sseCrowd(fx, run);
  log(`  sse, ${fx.crowd.length} waiting: ${crowd.length} samples`);
  const pSolo = await pollSolo(fx, run);
  log(`  polling, 1 waiting: ${pSolo.length} samples`);
  const pCrowd = await pollCrowd(fx, run);
  log(`  polling, ${fx.crowd.length} waiting: ${pCrowd.length} samples`);
  const figures: Figures = {
    "sse_1.p50_ms": percentile(solo, 50),
    "sse_1.p95_ms": percentile(solo, 95),
    "sse_200.p50_ms": percentile(crowd, 50),
    "sse_200.p95_ms": percentile(crowd, 95),
    "poll2s_1.p50_ms": percentile(pSolo, 50),
    "poll2s_1.p95_ms": percentile(pSolo, 95),
    "poll2s_200.p50_ms": percentile(pCrowd, 50),
    "poll2s_200.p95_ms": percentile(pCrowd, 95),
  };
  figures["ratio_1.p95"] = (figures["poll2s_1.p95_ms"] ?? 0) / (figures["sse_1.p95_ms"] ?? 1);
  figures["ratio_200.p95"] = (figures["poll2s_200.p95_ms"] ?? 0) / (figures["sse_200.p95_ms"] ?? 1);
  return figures;
}
