import { type APIRequestContext, expect, test } from "@playwright/test";
import { sqlTime, withE2eDb } from "../db";
import { askForDeluxe, createChildren, removeChildren, rounds, signedInClient } from "./http";

type Clients = { kids: APIRequestContext[]; jane: APIRequestContext; joe: APIRequestContext };
let clients: Clients;
let kidLogins: string[] = [];
let turns = 0;

test.beforeAll(async ({ baseURL }) => {
  const url = baseURL ?? "";
  // Children of its own, taking turns, so the stress run stays within each child's chat turn limit.
  kidLogins = await createChildren("race", 4);
  clients = {
    kids: await Promise.all(kidLogins.map((login) => signedInClient(url, { login }))),
    jane: await signedInClient(url, "jane"),
    joe: await signedInClient(url, "joe"),
  };
});
// The stress run repeats each race hundreds of times.
test.beforeEach(() => test.setTimeout(rounds(30_000, 900_000)));

test.afterAll(async () => {
  for (const client of [...(clients?.kids ?? []), clients?.jane, clients?.joe]) await client?.dispose();
  await removeChildren(kidLogins);
});

/** The next of the spec's children asks for premium dishes; returns the pending request's id. */
function pendingRequest(quantity = 1): Promise<string> {
  return askForDeluxe(clients.kids[turns++ % clients.kids.length] as APIRequestContext, quantity);
}

type Effect = { status: string; orders: number; decisions: number };

async function effectOf(requestId: string): Promise<Effect> {
  return withE2eDb(async (db) => {
    const request = (await db.get<{ status: string }>(
      `SELECT "status" FROM "ApprovalRequest" WHERE "id" = ?`,
      requestId,
    )) as { status: string };
    const orders = await db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM "Order" WHERE "approvalRequestId" = ?`,
      requestId,
    );
    const decisions = await db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "subjectId" = ?
       AND "action" IN ('request.approved', 'request.denied', 'request.expired', 'request.cancelled')`,
      requestId,
    );
    return { status: request.status, orders: Number(orders?.n), decisions: Number(decisions?.n) };
  });
}

function decide(client: APIRequestContext, requestId: string, decision: "APPROVE" | "DENY") {
  return client.post(`/api/requests/${requestId}/decision`, { data: { decision } });
}

test("row 6, 8: 50 parallel approves by both parents, again and again → exactly 1 order each time, 0 HTTP 5xx", async () => {
  const total = rounds(3, 200);
  const statuses = new Map<number, number>();
  for (let round = 0; round < total; round++) {
    const requestId = await pendingRequest();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => decide(i % 2 ? clients.jane : clients.joe, requestId, "APPROVE")),
    );
    for (const response of responses) statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
    // Every call either decided or repeats/reports the one decision: never an error.
    expect(responses.every((r) => r.status() === 200 || r.status() === 409)).toBe(true);
    const firsts = (await Promise.all(responses.map((r) => r.json()))).filter(
      (body: { outcome: string; repeated?: boolean }) => body.outcome === "decided" && body.repeated === false,
    );
    expect(firsts).toHaveLength(1);
    expect(await effectOf(requestId)).toEqual({ status: "APPROVED", orders: 1, decisions: 1 });
  }
  console.info(
    `[threats 6, 8] ${total} rounds × 50 parallel approves → ${total} orders (1 per request), ` +
      `HTTP ${[...statuses].map(([code, n]) => `${code}×${n}`).join(", ")}, 0 × 5xx`,
  );
});

test("row 7: approve, deny and expiry racing on one request → one terminal state, an order iff APPROVED", async () => {
  const total = rounds(4, 100);
  const endings = new Map<string, number>();
  for (let round = 0; round < total; round++) {
    const requestId = await pendingRequest();
    // Expiry joins the race: the request falls due a few milliseconds in, while the decisions are in flight.
    await withE2eDb((db) =>
      db.run(
        `UPDATE "ApprovalRequest" SET "expiresAt" = ? WHERE "id" = ?`,
        sqlTime(new Date(Date.now() + (round % 4) * 40)),
        requestId,
      ),
    );
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        decide(
          [clients.jane, clients.joe][i % 2] as APIRequestContext,
          requestId,
          Math.random() < 0.5 ? "APPROVE" : "DENY",
        ),
      ),
    );
    expect(responses.every((r) => r.status() < 500)).toBe(true);
    const effect = await effectOf(requestId);
    expect(["APPROVED", "DENIED", "EXPIRED"]).toContain(effect.status);
    expect(effect.orders).toBe(effect.status === "APPROVED" ? 1 : 0);
    expect(effect.decisions).toBe(1);
    endings.set(effect.status, (endings.get(effect.status) ?? 0) + 1);
  }
  console.info(
    `[threat 7] ${total} races of approve/deny/expiry → one terminal state each ` +
      `(${[...endings].map(([status, n]) => `${status} ${n}`).join(", ")}), orders only for APPROVED, 0 × 5xx`,
  );
});

test("row 22: 4 requests decided at once by 2 × cores writers each → 0 lost decisions, 0 errors", async () => {
  const total = rounds(2, 50);
  let decided = 0;
  for (let round = 0; round < total; round++) {
    const requestIds = [];
    for (let i = 1; i <= 4; i++) requestIds.push(await pendingRequest(i));
    const responses = await Promise.all(
      requestIds.flatMap((id) => [decide(clients.jane, id, "APPROVE"), decide(clients.joe, id, "APPROVE")]),
    );
    expect(responses.every((r) => r.status() === 200 || r.status() === 409)).toBe(true);
    for (const id of requestIds) {
      expect(await effectOf(id)).toEqual({ status: "APPROVED", orders: 1, decisions: 1 });
      decided += 1;
    }
  }
  console.info(`[threat 22] ${decided} requests decided by concurrent writers on SQLite → 0 lost, 0 errors`);
});
