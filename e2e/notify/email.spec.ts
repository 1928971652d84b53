import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { type SmtpTestServer, startSmtpTestServer } from "../../lib/testing/smtp-test-server";
import { sqlTime, withE2eDb } from "../db";
import { askForDeluxe, createChildren, removeChildren, signedInClient } from "../threats/http";

// A request → the email arrives at a local SMTP server → its links are one-tap decision links for this app.
// The e2e server sends to 127.0.0.1:E2E_SMTP_PORT (playwright.config.ts sets it, 2625 unless given, and
// e2e/serve.mjs passes it to the server as SMTP_URL); this spec listens there while it runs. A fixed port, because
// the server is started once for the whole run, before any spec could tell it a port of its own.

let base = "";
let smtp: SmtpTestServer;
let kid: APIRequestContext;
let kidLogin = "";
const address = `jane.${randomUUID().slice(0, 8)}@mail.test`;
let channelId = "";

test.beforeAll(async ({ baseURL }) => {
  base = baseURL ?? "";
  smtp = await startSmtpTestServer(Number(process.env.E2E_SMTP_PORT));
  [kidLogin = ""] = await createChildren("notify", 1);
  kid = await signedInClient(base, { login: kidLogin });
  // Jane's email channel, as the notification settings page would save it.
  channelId = `e2e-channel-${randomUUID().slice(0, 8)}`;
  await withE2eDb(async (db) => {
    const jane = await db.get<{ id: string; familyId: string }>(
      `SELECT "id", "familyId" FROM "User" WHERE "email" = 'jane@example.com'`,
    );
    if (!jane) throw new Error("no user jane");
    await db.run(
      `INSERT INTO "NotificationChannel" ("id", "familyId", "parentId", "kind", "label", "config", "enabled", "createdAt")
       VALUES (?, ?, ?, 'EMAIL', 'Email', ?, TRUE, ?)`,
      channelId,
      jane.familyId,
      jane.id,
      JSON.stringify({ address }),
      sqlTime(),
    );
  });
});

test.afterAll(async () => {
  await kid?.dispose();
  await removeChildren([kidLogin]);
  await withE2eDb((db) => db.run(`DELETE FROM "NotificationChannel" WHERE "id" = ?`, channelId));
  await smtp?.close();
});

/** The claims inside a /decide/<token> link (read, not verified: the server verifies). */
function claimsOf(link: string): { requestId: string; parentId: string; action: string } {
  const token = new URL(link).pathname.split("/").at(-1) ?? "";
  return JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8"));
}

test("a child's request reaches the parent by email with one-tap links", async () => {
  const asked = Date.now();
  const requestId = await askForDeluxe(kid, 1);
  // The worker is woken right after the request commits, so this does not wait for a poll.
  await expect.poll(() => smtp.mails.filter((m) => m.to && "text" in m.to && m.to.text === address).length).toBe(1);
  const index = smtp.mails.findIndex((m) => m.to && "text" in m.to && m.to.text === address);
  const mail = smtp.mails[index];
  const arrivedAt = smtp.receivedAt[index] ?? Date.now();

  expect(mail?.subject).toBe("Kid 1 asks for 1× Deluxe Burger from Burger Bonanza ($12.99)");
  expect(mail?.text).toContain("Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes.");
  const links = Object.fromEntries(
    [...(mail?.text ?? "").matchAll(/^(Approve|Deny|Open the request): (\S+)$/gm)].map((m) => [m[1], m[2] ?? ""]),
  );
  const jane = await withE2eDb((db) =>
    db.get<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = 'jane@example.com'`),
  );
  if (!jane) throw new Error("no user jane");
  for (const [label, action] of [
    ["Approve", "approve"],
    ["Deny", "deny"],
    ["Open the request", "open"],
  ] as const) {
    expect(links[label]).toMatch(new RegExp(`^${base}/decide/`));
    expect(claimsOf(links[label] ?? "")).toMatchObject({ requestId, parentId: jane.id, action });
  }
  // The worker records SENT once the server's final reply reaches it, a moment after the mail arrived.
  const delivery = () =>
    withE2eDb((db) =>
      db.get<{ status: string; attempts: number }>(
        `SELECT "status", "attempts" FROM "NotificationDelivery" WHERE "requestId" = ? AND "channelId" = ?`,
        requestId,
        channelId,
      ),
    );
  await expect.poll(delivery).toEqual({ status: "SENT", attempts: 1 });

  // The parent's inbox card says so.
  const parent = await signedInClient(base, "jane");
  try {
    const inbox = await (await parent.get("/inbox")).text();
    expect(inbox).toMatch(/aria-label="Notifications"[^>]*>.*?Emailed Jane \d\d:\d\d/s);
  } finally {
    await parent.dispose();
  }
  const created = await withE2eDb((db) =>
    db.get<{ createdAt: string }>(`SELECT "createdAt" FROM "ApprovalRequest" WHERE "id" = ?`, requestId),
  );
  console.info(
    `[notify] the email arrived ${arrivedAt - Date.parse(created?.createdAt ?? "")} ms after the request was written ` +
      `(${arrivedAt - asked} ms after the child's message was sent, the agent's turn included)`,
  );
});
