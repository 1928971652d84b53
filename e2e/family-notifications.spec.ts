// /family/notifications: a parent's channels, tested against a local webhook receiver started by the spec;
// quiet hours and notifyOn; this browser's push; the delivery log. Desktop signs in as Jane and the phone as Joe,
// since both projects share one database and may run at once.
import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sqlTime, withE2eDb } from "./db";
import { violations } from "./family-helpers";
import { expect, PEOPLE, test, type Who } from "./fixtures";
import { askForDeluxe, signedInClient } from "./threats/http";

function parentFor(projectName: string): Who {
  return projectName === "phone" ? "joe" : "jane";
}

async function reset(who: Who): Promise<void> {
  await withE2eDb(async (db) => {
    const user = await db.get<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = ?`, PEOPLE[who].login);
    if (!user) throw new Error(`no user ${who}`);
    await db.run(`DELETE FROM "NotificationDelivery" WHERE "parentId" = ?`, user.id);
    await db.run(`DELETE FROM "NotificationChannel" WHERE "parentId" = ?`, user.id);
    await db.run(
      `UPDATE "User" SET "quietStart" = NULL, "quietEnd" = NULL, "notifyOn" = 'ALL' WHERE "id" = ?`,
      user.id,
    );
  });
}

type Hit = { headers: http.IncomingHttpHeaders; body: string };

async function startReceiver(): Promise<{ url: string; hits: Hit[]; close: () => Promise<void> }> {
  const hits: Hit[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      hits.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/lunchbox`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test.beforeEach(() => reset(parentFor(test.info().project.name)));
test.afterEach(() => reset(parentFor(test.info().project.name)));

test("a parent adds a signed webhook, tests it against a local receiver, and removes it", async ({
  openAs,
}, testInfo) => {
  const who = parentFor(testInfo.project.name);
  const receiver = await startReceiver();
  try {
    const page = await openAs(who);
    await page.goto("/family");
    await page
      .getByRole("navigation", { name: "Family sections" })
      .getByRole("link", { name: "Notifications" })
      .click();
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    await expect(page.getByRole("list", { name: "Your channels" })).toContainText("Always on");
    expect(await violations(page)).toEqual([]);

    const url = page.getByLabel("Webhook URL");
    await url.fill("ftp://example.com/hook");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(url).toHaveAttribute("aria-invalid", "true");
    await expect(url).toHaveAccessibleDescription(/https:\/\//);
    await expect(url).toHaveValue("ftp://example.com/hook");

    await url.fill(receiver.url);
    await page.getByLabel("Signed JSON").check();
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secretBox = page.getByLabel("Signing secret");
    await expect(secretBox).toBeVisible();
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^[\w-]{43}$/);
    await expect(page.getByRole("button", { name: "Copy secret" })).toBeVisible();
    expect(await violations(page)).toEqual([]);

    const label = "Signed JSON webhook to 127.0.0.1";
    const row = page.getByRole("listitem", { name: `Webhook: ${label}:${new URL(receiver.url).port}` });
    await expect(row).toContainText("On");
    await row.getByRole("button", { name: /Send a test to/ }).click();
    await expect(row.getByRole("status")).toHaveText(/Test sent to Signed JSON webhook/);
    expect(receiver.hits).toHaveLength(1);
    const [hit] = receiver.hits;
    const timestamp = String(hit?.headers["x-lunchbox-timestamp"]);
    const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${hit?.body}`).digest("hex")}`;
    expect(hit?.headers["x-lunchbox-signature"]).toBe(expected);
    expect(JSON.parse(hit?.body ?? "{}")).toMatchObject({ request: { title: "Test from Lunchbox" } });

    // The secret is shown once: after a reload it is gone, and the page never lists it.
    await page.reload();
    await expect(page.getByLabel("Signing secret")).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);

    await row.getByRole("button", { name: `Remove ${label}:${new URL(receiver.url).port}` }).click();
    await row.getByRole("button", { name: "Remove" }).click();
    await expect(row).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});

test("a failing webhook test says why, and an email address is added and listed", async ({ openAs }, testInfo) => {
  const who = parentFor(testInfo.project.name);
  const page = await openAs(who);
  await page.goto("/family/notifications");
  // Nothing listens on port 9 of this machine: the test fails with a reason the parent can act on.
  await page.getByLabel("Webhook URL").fill("http://127.0.0.1:9/nothing");
  await page.getByLabel("Slack").check();
  await page.getByRole("button", { name: "Add webhook" }).click();
  const row = page.getByRole("listitem", { name: "Webhook: Slack webhook to 127.0.0.1:9" });
  await expect(row).toBeVisible();
  // A Slack webhook has no signing secret to show.
  await expect(page.getByLabel("Signing secret")).toHaveCount(0);
  await row.getByRole("button", { name: /Send a test/ }).click();
  await expect(row.getByRole("status")).toHaveText(/failed: The webhook could not be reached/);

  const address = page.getByRole("textbox", { name: "Email address" });
  // The browser accepts this address; the server wants a domain with a dot.
  await address.fill("jane@localhost");
  await page.getByRole("button", { name: "Add email" }).click();
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await address.fill(`${who}.phone@example.com`);
  await page.getByRole("button", { name: "Add email" }).click();
  await expect(page.getByRole("listitem", { name: `Email: ${who}.phone@example.com` })).toBeVisible();
  await expect(address).toHaveValue("");
});

test("quiet hours and what to be told about are saved and checked", async ({ openAs }, testInfo) => {
  const page = await openAs(parentFor(testInfo.project.name));
  await page.goto("/family/notifications");
  const from = page.getByLabel("Quiet from");
  const until = page.getByLabel("Quiet until");
  await from.fill("22:00");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(until).toHaveAttribute("aria-invalid", "true");
  await expect(until).toHaveAccessibleDescription(/end time too/);
  await expect(from).toHaveValue("22:00");

  await until.fill("07:00");
  await page.getByLabel("Only escalations").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "Quiet hours: none → 22:00–07:00; Tell me about: every request → only escalations" }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Quiet from")).toHaveValue("22:00");
  await expect(page.getByLabel("Only escalations")).toBeChecked();
  expect(await violations(page)).toEqual([]);
});

test("push: the page says so clearly when this browser may not show notifications", async ({ openAs }, testInfo) => {
  const page = await openAs(parentFor(testInfo.project.name));
  await page.goto("/family/notifications");
  // Playwright answers the permission prompt with "no", as a parent who blocks notifications would.
  await page.getByRole("button", { name: "Turn on notifications here" }).click();
  await expect(page.getByText(/Notifications are (blocked|not allowed)/)).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("the delivery log shows what was sent and what failed, with the error", async ({ openAs, baseURL }, testInfo) => {
  const who = parentFor(testInfo.project.name);
  // A real request from Henry through the chat API, then cancelled so it holds no place in his pending limit.
  const henry = await signedInClient(baseURL ?? "", "henry");
  const requestId = await askForDeluxe(henry, who === "joe" ? 3 : 2);
  await henry.dispose();
  await withE2eDb(async (db) => {
    await db.run(`UPDATE "ApprovalRequest" SET "status" = 'CANCELLED' WHERE "id" = ?`, requestId);
    const parent = await db.get<{ id: string; familyId: string }>(
      `SELECT "id", "familyId" FROM "User" WHERE "email" = ?`,
      PEOPLE[who].login,
    );
    if (!parent) throw new Error(`no user ${who}`);
    const channelId = `e2e-${randomUUID()}`;
    const now = sqlTime();
    await db.run(
      `INSERT INTO "NotificationChannel" ("id", "familyId", "parentId", "kind", "label", "config", "enabled", "createdAt")
       VALUES (?, ?, ?, 'WEBHOOK', 'Signed JSON webhook to hooks.example', '{}', TRUE, ?)`,
      channelId,
      parent.familyId,
      parent.id,
      now,
    );
    const row = (reason: string, status: string, attempts: number, error: string | null, sentAt: string | null) =>
      db.run(
        `INSERT INTO "NotificationDelivery" ("id", "familyId", "requestId", "parentId", "channelId", "reason", "status",
           "attempts", "dueAt", "nextAttemptAt", "lastError", "sentAt", "createdAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        `e2e-${randomUUID()}`,
        parent.familyId,
        requestId,
        parent.id,
        channelId,
        reason,
        status,
        attempts,
        now,
        now,
        error,
        sentAt,
        now,
      );
    await row("NEW_REQUEST", "SENT", 1, null, now);
    await row("ESCALATION", "FAILED", 5, "The webhook answered 500 Internal Server Error.", null);
  });
  const page = await openAs(who);
  await page.goto("/family/notifications");
  const log = page.getByRole("list", { name: "Recent deliveries" });
  await expect(log.getByRole("listitem")).toHaveCount(2);
  await expect(log).toContainText("Sent");
  await expect(log).toContainText("New request: Henry's order");
  await expect(log).toContainText("Failed");
  await expect(log).toContainText("5 tries");
  await expect(log).toContainText("The webhook answered 500 Internal Server Error.");
  expect(await violations(page)).toEqual([]);
});

test("in dark mode the page has no WCAG A/AA violations, and every control is a 44-px target", async ({
  openAs,
}, testInfo) => {
  const page = await openAs(parentFor(testInfo.project.name));
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/family/notifications");
  await expect(page.getByRole("button", { name: "Add webhook" })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  const small: string[] = [];
  for (const control of await page.locator("main button, main input:not([type=radio]), main a").all()) {
    const box = await control.boundingBox();
    if (box && box.height < 44)
      small.push(`${await control.evaluate((el) => el.outerHTML.slice(0, 80))}: ${box.height}`);
  }
  expect(small).toEqual([]);
});
