// The whole flow on a phone: Henry asks in his chat → the email reaches a local SMTP server → Jane, signed
// out, opens the "Approve" link taken from that email, confirms with her password → Henry's open chat carries on
// by itself. The inbox card's "Emailed Jane" line is checked with axe in light and dark mode on the way.
//
// One SMTP listener at a time: the e2e server's SMTP_URL is fixed when it starts (e2e/serve.mjs, from
// E2E_SMTP_PORT), so no spec can get a port of its own. Instead every spec that listens lives in this one file,
// which only the phone project runs (playwright.config.ts): one file runs in one worker, its tests one after
// another, so the port is never contested. Add SMTP tests here, not in a new file.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { type SmtpTestServer, startSmtpTestServer } from "../../lib/testing/smtp-test-server";
import { violations } from "../axe";
import { sqlTime, withE2eDb } from "../db";
import { requestIdFor, requestRow } from "../decision-link";
import {
  asksForDeluxe,
  expect,
  markDocument,
  openPendingCard,
  orderCard,
  outcomeCard,
  PASSWORD,
  test,
} from "../fixtures";

let smtp: SmtpTestServer;
// A unique address: other specs' requests in Jane's family are emailed here too while the channel exists.
const address = `jane.${randomUUID().slice(0, 8)}@mail.test`;
const channelId = `e2e-channel-${randomUUID().slice(0, 8)}`;

test.beforeAll(async () => {
  smtp = await startSmtpTestServer(Number(process.env.E2E_SMTP_PORT));
  // Jane's email channel, as the notification settings page would save it.
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
  await withE2eDb((db) => db.run(`DELETE FROM "NotificationChannel" WHERE "id" = ?`, channelId));
  await smtp?.close();
});

/** The claims inside a /decide/<token> link (read, not verified: the server verifies). */
function claimsOf(link: string): { requestId: string; parentId: string; action: string } {
  const token = new URL(link).pathname.split("/").at(-1) ?? "";
  return JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8"));
}

/** The email's links by label: "Approve: <url>" lines of the plain-text part. */
function linksOf(mail: ParsedMail): Record<string, string> {
  return Object.fromEntries(
    [...(mail.text ?? "").matchAll(/^(Approve|Deny|Open the request): (\S+)$/gm)].map((m) => [m[1], m[2] ?? ""]),
  );
}

/** The mails to our address about this request (by the request id signed into its Approve link). */
function mailsAbout(requestId: string): { mail: ParsedMail; arrivedAt: number }[] {
  return smtp.mails.flatMap((mail, index) => {
    const to = mail.to && "text" in mail.to ? mail.to.text : "";
    const approve = linksOf(mail).Approve;
    if (to !== address || !approve || claimsOf(approve).requestId !== requestId) return [];
    return [{ mail, arrivedAt: smtp.receivedAt[index] ?? Date.now() }];
  });
}

/** The primary button is big enough for a thumb and in the lower half of the screen, where a thumb reaches. */
async function expectThumbReach(page: Page, name: string) {
  const box = await page.getByRole("button", { name, exact: true }).boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport).toBeTruthy();
  if (!box || !viewport) return;
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(box.width).toBeGreaterThanOrEqual(44);
  expect(box.y).toBeGreaterThan(viewport.height / 2);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

// Three browser contexts, two axe runs and a mail round trip: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

test("email → its Approve link → signed out on a phone, confirm with the password → the child's chat goes on", async ({
  openAs,
  newContext,
  baseURL,
}) => {
  // Henry's chat stays open through all of it.
  const henry = await openAs("henry");
  const words = await asksForDeluxe(henry);
  const expectNoReload = await markDocument(henry);
  const requestId = await requestIdFor(words);
  const jane = await withE2eDb((db) =>
    db.get<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = 'jane@example.com'`),
  );
  if (!jane) throw new Error("no user jane");

  // The worker is woken right after the request commits, so this does not wait for a poll.
  await expect.poll(() => mailsAbout(requestId).length, { timeout: 30_000 }).toBe(1);
  const [{ mail, arrivedAt } = { mail: undefined, arrivedAt: 0 }] = mailsAbout(requestId);
  expect(mail?.subject).toBe("Henry asks for 1× Deluxe Burger from Burger Bonanza ($12.99)");
  expect(mail?.text).toContain("Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes.");
  const links = mail ? linksOf(mail) : {};
  for (const [label, action] of [
    ["Approve", "approve"],
    ["Deny", "deny"],
    ["Open the request", "open"],
  ] as const) {
    expect(links[label]).toMatch(new RegExp(`^${baseURL}/decide/`));
    expect(claimsOf(links[label] ?? "")).toMatchObject({ requestId, parentId: jane.id, action });
  }
  const created = await withE2eDb((db) =>
    db.get<{ createdAt: string }>(`SELECT "createdAt" FROM "ApprovalRequest" WHERE "id" = ?`, requestId),
  );
  console.info(
    `[notify] the email arrived ${arrivedAt - Date.parse(created?.createdAt ?? "")} ms after the request was written`,
  );

  // The worker records SENT once the server's final reply reaches it, a moment after the mail arrived; then the
  // inbox card says who was told, and passes axe in both colour schemes.
  await expect
    .poll(() =>
      withE2eDb((db) =>
        db.get<{ status: string; attempts: number }>(
          `SELECT "status", "attempts" FROM "NotificationDelivery" WHERE "requestId" = ? AND "channelId" = ?`,
          requestId,
          channelId,
        ),
      ),
    )
    .toEqual({ status: "SENT", attempts: 1 });
  const inbox = await openAs("jane");
  const card = await openPendingCard(inbox, "Henry wants to order from Burger Bonanza", words);
  await expect(card.getByRole("list", { name: "Notifications" })).toContainText(/Emailed Jane \d\d:\d\d/);
  for (const colorScheme of ["light", "dark"] as const) {
    await inbox.emulateMedia({ colorScheme });
    expect(await violations(inbox), `inbox with a notification line, ${colorScheme}`).toEqual([]);
  }

  // Jane taps "Approve" in the email on a phone where she is not signed in.
  const link = links.Approve ?? "";
  const phone = await (await newContext()).newPage();
  await phone.goto(link);
  await expect(phone.getByRole("heading", { name: "Approve Henry's order from Burger Bonanza?" })).toBeVisible();
  await expect(phone.getByText("Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes.")).toBeVisible();
  await expect(phone.getByRole("figure", { name: /Henry wrote/ })).toContainText(words);
  await expect(phone.getByRole("link", { name: "Deny instead, in the inbox" })).toBeVisible();
  await expect(phone.getByRole("button", { name: "Deny" })).toHaveCount(0);
  await expectThumbReach(phone, "Approve");
  // Opening (GET) decided nothing.
  expect((await requestRow(requestId)).status).toBe("PENDING");

  await phone.getByLabel("Jane's password").fill(PASSWORD);
  await phone.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(phone.getByRole("status")).toHaveText("Approved. The child's chat has been told.");
  expect(await requestRow(requestId)).toEqual({ status: "APPROVED", decidedById: jane.id });

  // Henry's chat hears it without a reload.
  await expect(orderCard(henry, "Burger Bonanza")).toContainText("Approved");
  await expect(outcomeCard(henry)).toContainText("Jane answered");
  await expect(henry.getByText(/Good news, Jane said yes!/)).toContainText("Deluxe Burger");
  await expectNoReload();

  // The link worked once; the audit row says it came from a link; no session was created.
  await phone.goto(link);
  await expect(phone.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await expect(phone.getByText(/Decided by Jane at \d\d:\d\d: approved\./)).toBeVisible();
  const audit = await withE2eDb((db) =>
    db.all<{ data: string }>(
      `SELECT "data" FROM "AuditEvent" WHERE "action" = 'request.approved' AND "subjectId" = ?`,
      requestId,
    ),
  );
  expect(audit.map((row) => JSON.parse(row.data).via)).toEqual(["link"]);
  await phone.goto("/inbox");
  await expect(phone).toHaveURL(/\/login$/);
  // Exactly one email for the request: the wake-up and the back-up poll did not both send it.
  expect(mailsAbout(requestId)).toHaveLength(1);
});
