// A server restart while a child's request is pending: the child's stream drops, the server comes back on the same
// port and database, the client reconnects with Last-Event-ID, and what the parents decide (while the child was
// away and after it came back) arrives once each; then the chat continues with the agent's reply.
// Its own `next start` (e2e/instances/server.ts) on E2E_PORT + 1, serving the shared e2e database: the shared
// server is never stopped.
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../database.mjs";
import { withE2eDb } from "../db";
import { asksForDeluxe, markDocument, orderCard, outcomeCard, signIn } from "../fixtures";
import { baseServerEnv, instancePort, NextServer, root } from "../instances/server";
import { askForDeluxe, createChildren, removeChildren, signedInClient } from "../threats/http";
import { type LiveStream, openStream } from "./sse-client";

const server = new NextServer({
  port: instancePort(1),
  env: baseServerEnv({
    DATABASE_URL: e2eDatabaseUrl(),
    SSE_HEARTBEAT_SECONDS: "1",
    // The shared server sweeps expiry for this database; a second sweeper would tell the wrong server's streams.
    EXPIRY_SWEEP_SECONDS: "3600",
  }),
  logFile: path.join(root, "test-results", "restart-server.log"),
});
let kidLogin = "";
let kid: APIRequestContext;
let jane: APIRequestContext;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server.freshLog();
  await server.start();
  [kidLogin = ""] = await createChildren("restart", 1);
  kid = await signedInClient(server.url, { login: kidLogin });
  jane = await signedInClient(server.url, "jane");
});
test.afterAll(async () => {
  await kid?.dispose();
  await jane?.dispose();
  await removeChildren([kidLogin]);
  await server.stop();
});

async function decide(requestId: string) {
  const response = await jane.post(`/api/requests/${requestId}/decision`, { data: { decision: "APPROVE" } });
  expect(response.status()).toBe(200);
}

async function chatOf(requestId: string): Promise<string> {
  const row = await withE2eDb((db) =>
    db.get<{ chatId: string }>(`SELECT "chatId" FROM "ApprovalRequest" WHERE "id" = ?`, requestId),
  );
  if (!row) throw new Error(`no request ${requestId}`);
  return row.chatId;
}

const resolvedFor = (stream: LiveStream, requestId: string) =>
  stream.events.filter((e) => e.event === "request.resolved" && e.data.includes(requestId));

/** useChat's resume: the agent's reply to the decision as plain text, or the status when there is none. */
async function resume(chatId: string): Promise<{ status: number; text: string }> {
  const response = await kid.get(`/api/chat/${chatId}/stream`);
  const body = await response.text();
  const text = body
    .split("\n")
    .filter((line) => line.startsWith("data: {"))
    .map((line) => JSON.parse(line.slice("data: ".length)) as { type: string; delta?: string })
    .filter((part) => part.type === "text-delta")
    .map((part) => part.delta ?? "")
    .join("");
  return { status: response.status(), text };
}

test("server restart during a pending request: the stream resumes from Last-Event-ID and the chat continues", async () => {
  test.setTimeout(120_000);
  const before = await openStream(server.url, kid);
  const whileAway = await askForDeluxe(kid, 1);
  const afterReturn = await askForDeluxe(kid, 2);
  await before.until((s) => s.events.filter((e) => e.event === "request.created").length >= 2);
  const lastSeen = before.events.at(-1)?.id ?? "";
  expect(lastSeen).not.toBe("");

  // A graceful stop: the server ends its open streams itself (else Next would wait for them forever).
  expect(await server.stop("SIGTERM")).toBe(143);
  await before.until((s) => s.ended);
  await server.start();

  // Decided after the restart but before the child's stream is back: it must be replayed from the outbox.
  await decide(whileAway);
  const after = await openStream(server.url, kid, lastSeen);
  try {
    expect(after.status).toBe(200);
    await after.until((s) => resolvedFor(s, whileAway).length > 0);
    // Decided with the stream open on the restarted server: pushed live.
    await decide(afterReturn);
    await after.until((s) => resolvedFor(s, afterReturn).length > 0);
    // A moment more: nothing arrives twice.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(resolvedFor(after, whileAway)).toHaveLength(1);
    expect(resolvedFor(after, afterReturn)).toHaveLength(1);
    const ids = after.events.map((e) => Number(e.id));
    expect(ids.every((id) => id > Number(lastSeen))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(JSON.parse(resolvedFor(after, whileAway)[0]?.data ?? "{}")).toMatchObject({
      requestId: whileAway,
      status: "APPROVED",
    });
  } finally {
    after.close();
  }

  // The chat continues: the agent tells the child, once.
  for (const requestId of [whileAway, afterReturn]) {
    const chatId = await chatOf(requestId);
    const reply = await resume(chatId);
    expect(reply.status).toBe(200);
    expect(reply.text).toContain("Jane said yes");
    expect((await resume(chatId)).status).toBe(204);
  }
});

test("the child's page shows the answer by itself after a server restart, without a reload", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const page = await context.newPage();
    await signIn(page, { login: kidLogin, role: "CHILD" });
    const words = await asksForDeluxe(page);
    const order = orderCard(page, "Burger Bonanza");
    const expectNoReload = await markDocument(page);
    const request = await withE2eDb((db) =>
      db.get<{ id: string }>(
        `SELECT "id" FROM "ApprovalRequest" WHERE "childWords" = ? AND "status" = 'PENDING'`,
        words,
      ),
    );
    if (!request) throw new Error(`no pending request for "${words}"`);

    expect(await server.stop("SIGTERM")).toBe(143);
    await server.start();
    await decide(request.id);

    // The page's EventSource reconnects by itself with Last-Event-ID; the chat then asks for the agent's reply.
    await expect(order).toContainText("Approved", { timeout: 30_000 });
    await expect(outcomeCard(page)).toContainText("Jane answered");
    await expect(page.getByText(/Good news, Jane said yes!/)).toContainText("Deluxe Burger");
    await expect(page.getByText(/said yes/)).toHaveCount(1);
    await expectNoReload();
  } finally {
    await context.close();
  }
});
