import { type APIRequestContext, expect, test } from "@playwright/test";
import { withE2eDb } from "../db";
import { askForDeluxe, createChildren, removeChildren, signedInClient } from "../threats/http";
import { openStream } from "./sse-client";

let base = "";
let jane: APIRequestContext;
let kid: APIRequestContext;
let kidLogin = "";

test.beforeAll(async ({ baseURL }) => {
  base = baseURL ?? "";
  [kidLogin = ""] = await createChildren("push", 1);
  jane = await signedInClient(base, "jane");
  kid = await signedInClient(base, { login: kidLogin });
});
test.afterAll(async () => {
  await jane?.dispose();
  await kid?.dispose();
  await removeChildren([kidLogin]);
});

const ask = (quantity: number) => askForDeluxe(kid, quantity);

async function decide(requestId: string, decision: "APPROVE" | "DENY") {
  expect((await jane.post(`/api/requests/${requestId}/decision`, { data: { decision } })).status()).toBe(200);
}

/** The outbox as the database has it: what a parent of the family should receive after `afterId`. */
async function outboxAfter(afterId: number): Promise<Array<{ id: string; type: string }>> {
  const rows = await withE2eDb((db) =>
    db.all<{ id: number; type: string }>(
      `SELECT e."id", e."type" FROM "Event" e JOIN "User" u ON u."familyId" = e."familyId"
       WHERE u."username" = ? AND e."id" > ? ORDER BY e."id"`,
      kidLogin,
      afterId,
    ),
  );
  return rows.map((e) => ({ id: String(e.id), type: e.type }));
}

test("the stream is unbuffered and sends heartbeats while idle", async () => {
  const stream = await openStream(base, jane);
  try {
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    expect(stream.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(stream.headers.get("x-accel-buffering")).toBe("no");
    expect(stream.headers.get("content-encoding")).toBeNull();
    // The e2e server beats every second (SSE_HEARTBEAT_SECONDS=1; 20 s by default).
    await stream.until((s) => s.comments.filter((c) => c === "ping").length >= 2, 5_000);
  } finally {
    stream.close();
  }
});

test("a reconnect with Last-Event-ID replays what was missed, in order, once", async () => {
  const first = await openStream(base, jane);
  const before = await ask(1);
  await first.until((s) => s.events.some((e) => e.event === "request.created" && e.data.includes(before)));
  const lastSeen = first.events.at(-1)?.id ?? "";
  first.close();

  // While the parent's tab is away: a new request, and decisions on both.
  const during = await ask(2);
  await decide(before, "APPROVE");
  await decide(during, "DENY");
  const missed = await outboxAfter(Number(lastSeen));
  expect(missed.length).toBeGreaterThanOrEqual(4);

  const again = await openStream(base, jane, lastSeen);
  try {
    await again.until((s) => s.events.length >= missed.length);
    // A moment more: nothing is sent twice.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const received = again.events.map((e) => ({ id: e.id ?? "", type: e.event ?? "" }));
    expect(received.slice(0, missed.length)).toEqual(missed);
    expect(new Set(received.map((e) => e.id)).size).toBe(received.length);
    console.info(`[push] reconnect after event ${lastSeen}: ${missed.length} missed events replayed in order, 0 twice`);
  } finally {
    again.close();
  }
});

test("a decision made while the child's tab was closed arrives when it reconnects", async () => {
  const stream = await openStream(base, kid);
  const requestId = await ask(3);
  await stream.until((s) => s.events.some((e) => e.data.includes(requestId)));
  const lastSeen = stream.events.at(-1)?.id ?? "";
  stream.close();

  await decide(requestId, "APPROVE");

  const back = await openStream(base, kid, lastSeen);
  try {
    await back.until((s) => s.events.some((e) => e.event === "request.resolved" && e.data.includes(requestId)));
    const resolved = back.events.find((e) => e.event === "request.resolved");
    expect(JSON.parse(resolved?.data ?? "{}")).toMatchObject({ requestId, status: "APPROVED", decidedByName: "Jane" });
  } finally {
    back.close();
  }
});
