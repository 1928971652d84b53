// Two app instances on one PostgreSQL database, as behind a load balancer: a parent decides on instance A, and the
// child connected to instance B hears it by push (LISTEN/NOTIFY between the instances), its chat going on by itself.
// Needs a build for PostgreSQL and E2E_POSTGRES_URL (or a postgres DATABASE_URL): playwright.config.ts adds the
// "instances" project only then, and this spec fails rather than skips when the URL is not PostgreSQL.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../database.mjs";
import { type Sql, sqlTime, withSql } from "../db";
import { asksForDeluxe, markDocument, orderCard, outcomeCard, signIn, tagged } from "../fixtures";
import { openStream } from "../push/sse-client";
import { signedInClient } from "../threats/http";
import { baseServerEnv, instancePort, migrateAndSeed, NextServer, root } from "./server";

// By default the e2e server's database of a run on PostgreSQL (migrated and seeded by e2e/serve.mjs).
const databaseUrl = process.env.E2E_POSTGRES_URL ?? e2eDatabaseUrl();
const logFile = path.join(root, "test-results", "instances-server.log");
const env = baseServerEnv({ DATABASE_URL: databaseUrl, SSE_HEARTBEAT_SECONDS: "1", EXPIRY_SWEEP_SECONDS: "3600" });
const a = new NextServer({ port: instancePort(2), env, logFile });
const b = new NextServer({ port: instancePort(3), env, logFile });
const sql = <T>(work: (db: Sql) => Promise<T>) => withSql(databaseUrl, work);
let kidLogin = "";
let janeOnA: APIRequestContext;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  expect(databaseUrl, "E2E_POSTGRES_URL must name a PostgreSQL database").toMatch(/^postgres(ql)?:\/\//);
  a.freshLog();
  migrateAndSeed(env, logFile);
  // A child of the demo family for this run only (Henry's password), so earlier runs' requests never count.
  kidLogin = `instances.${randomUUID().slice(0, 8)}`;
  const inserted = await sql((db) =>
    db.run(
      `INSERT INTO "User" ("id", "familyId", "role", "name", "username", "passwordHash", "active", "createdAt")
       SELECT ?, "familyId", 'CHILD', 'Kid', ?, "passwordHash", TRUE, ? FROM "User" WHERE "username" = 'henry'`,
      `e2e-${kidLogin}`,
      kidLogin,
      sqlTime(),
    ),
  );
  expect(inserted.changes).toBe(1);
  await Promise.all([a.start(), b.start()]);
  janeOnA = await signedInClient(a.url, "jane");
});

test.afterAll(async () => {
  await janeOnA?.dispose();
  if (kidLogin) {
    await sql(async (db) => {
      await db.run(
        `UPDATE "ApprovalRequest" SET "status" = 'CANCELLED' WHERE "status" = 'PENDING' AND "childId" = ?`,
        `e2e-${kidLogin}`,
      );
      await db.run(`UPDATE "User" SET "active" = FALSE, "username" = NULL WHERE "id" = ?`, `e2e-${kidLogin}`);
    });
  }
  await Promise.all([a.stop(), b.stop()]);
});

async function pendingRequestFor(words: string): Promise<{ id: string; chatId: string }> {
  let row: { id: string; chatId: string } | undefined;
  await expect
    .poll(async () => {
      row = await sql((db) =>
        db.get<{ id: string; chatId: string }>(
          `SELECT "id", "chatId" FROM "ApprovalRequest" WHERE "childWords" = ? AND "status" = 'PENDING'`,
          words,
        ),
      );
      return row !== undefined;
    })
    .toBe(true);
  if (!row) throw new Error(`no pending request for "${words}"`);
  return row;
}

async function approveOnA(requestId: string): Promise<void> {
  const response = await janeOnA.post(`/api/requests/${requestId}/decision`, { data: { decision: "APPROVE" } });
  expect(response.status()).toBe(200);
}

test("a decision on instance A reaches the child's stream on instance B, and B's chat continues", async () => {
  const kid = await signedInClient(b.url, { login: kidLogin });
  const stream = await openStream(b.url, kid);
  try {
    const words = tagged("I'd like 1 deluxe burgers");
    const asked = await kid.post("/api/chat", {
      data: {
        id: `chat-${randomUUID()}`,
        message: { id: `msg-${randomUUID()}`, role: "user", parts: [{ type: "text", text: words }] },
      },
    });
    expect(asked.status()).toBe(200);
    await asked.body();
    const request = await pendingRequestFor(words);
    await stream.until((s) => s.events.some((e) => e.event === "request.created" && e.data.includes(request.id)));

    await approveOnA(request.id);
    // B wrote nothing: only A's NOTIFY can have woken B's stream.
    await stream.until((s) => s.events.some((e) => e.event === "request.resolved" && e.data.includes(request.id)));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(stream.events.filter((e) => e.event === "request.resolved" && e.data.includes(request.id))).toHaveLength(1);

    const reply = await kid.get(`/api/chat/${request.chatId}/stream`);
    expect(reply.status()).toBe(200);
    expect(await reply.text()).toContain("said yes");
  } finally {
    stream.close();
    await kid.dispose();
  }
});

test("the child's page on instance B goes on by itself when a parent approves on instance A", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: b.url });
  try {
    const page = await context.newPage();
    await signIn(page, { login: kidLogin, role: "CHILD" });
    const words = await asksForDeluxe(page);
    const order = orderCard(page, "Burger Bonanza");
    const expectNoReload = await markDocument(page);

    await approveOnA((await pendingRequestFor(words)).id);

    await expect(order).toContainText("Approved");
    await expect(outcomeCard(page)).toContainText("Jane answered");
    await expect(page.getByText(/Good news, Jane said yes!/)).toContainText("Deluxe Burger");
    await expect(page.getByText(/said yes/)).toHaveCount(1);
    await expectNoReload();
  } finally {
    await context.close();
  }
});
