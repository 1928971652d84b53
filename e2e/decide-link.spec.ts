// One-tap decision links (`/decide/<token>`) in a real browser: the signed-out parent on a phone confirms with a
// password and the child's chat carries on; every misuse gets its own clear page and changes nothing.
import type { Page } from "@playwright/test";
import { withE2eDb } from "./db";
import { decisionLinkPath, requestIdFor } from "./decision-link";
import { expect, markDocument, newChat, orderCard, outcomeCard, PASSWORD, send, tagged, test } from "./fixtures";

async function requestRow(id: string) {
  const row = await withE2eDb((db) =>
    db.get<{ status: string; decidedById: string | null }>(
      `SELECT "status", "decidedById" FROM "ApprovalRequest" WHERE "id" = ?`,
      id,
    ),
  );
  if (!row) throw new Error(`no request ${id}`);
  return row;
}

/** Henry asks for a premium dish in a new chat; returns his words (which find the request). */
async function henryAsksForDeluxe(henry: Page): Promise<string> {
  await newChat(henry);
  const words = tagged("I'd like the deluxe burger");
  await send(henry, words);
  await expect(orderCard(henry, "Burger Bonanza")).toContainText("Waiting for a parent");
  return words;
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

// Three browser contexts and several page loads each: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

test("a decision link, signed out: confirm with the password, the child's chat goes on by itself", async ({
  openAs,
  newContext,
}) => {
  const henry = await openAs("henry");
  const words = await henryAsksForDeluxe(henry);
  const expectNoReload = await markDocument(henry);
  const requestId = await requestIdFor(words);
  const link = await decisionLinkPath(words, "jane", "approve");

  // Jane opens the link from a notification on a device where she is not signed in.
  const jane = await (await newContext()).newPage();
  await jane.goto(link);
  await expect(jane.getByRole("heading", { name: "Approve Henry's order from Burger Bonanza?" })).toBeVisible();
  await expect(jane.getByText("Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes.")).toBeVisible();
  await expect(jane.getByRole("figure", { name: /Henry wrote/ })).toContainText(words);
  await expect(jane.getByRole("link", { name: "Deny instead, in the inbox" })).toBeVisible();
  await expect(jane.getByRole("button", { name: "Deny" })).toHaveCount(0);
  await expectThumbReach(jane, "Approve");
  // Opening (GET) decided nothing.
  expect((await requestRow(requestId)).status).toBe("PENDING");

  await jane.getByLabel("Jane's password").fill(PASSWORD);
  await jane.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(jane.getByRole("status")).toHaveText("Approved. The child's chat has been told.");
  expect((await requestRow(requestId)).status).toBe("APPROVED");

  // Henry's chat hears it without a reload.
  await expect(orderCard(henry, "Burger Bonanza")).toContainText("Approved");
  await expect(outcomeCard(henry)).toContainText("Jane answered");
  await expect(henry.getByText(/Good news, Jane said yes!/)).toContainText("Deluxe Burger");
  await expectNoReload();

  // The link worked once; the audit row says it came from a link; no session was created.
  await jane.goto(link);
  await expect(jane.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await expect(jane.getByText(/Decided by Jane at \d\d:\d\d: approved\./)).toBeVisible();
  const audit = await withE2eDb((db) =>
    db.all<{ data: string }>(
      `SELECT "data" FROM "AuditEvent" WHERE "action" = 'request.approved' AND "subjectId" = ?`,
      requestId,
    ),
  );
  expect(audit.map((row) => JSON.parse(row.data).via)).toEqual(["link"]);
  await jane.goto("/inbox");
  await expect(jane).toHaveURL(/\/login$/);
});

test("misused links get a clear page and change nothing", async ({ openAs, newContext }) => {
  const henry = await openAs("henry");
  const words = await henryAsksForDeluxe(henry);
  const requestId = await requestIdFor(words);
  const link = await decisionLinkPath(words, "jane", "approve");
  const stranger = await (await newContext()).newPage();

  // Tampered: one character of the payload changed.
  const at = "/decide/".length + 10;
  const tampered = link.slice(0, at) + (link[at] === "A" ? "B" : "A") + link.slice(at + 1);
  await stranger.goto(tampered);
  await expect(stranger.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await stranger.goto("/decide/nonsense");
  await expect(stranger.getByRole("heading", { name: "This link is not valid" })).toBeVisible();

  // Expired (its time is signed into it).
  await stranger.goto(await decisionLinkPath(words, "jane", "approve", new Date(Date.now() - 1000)));
  await expect(stranger.getByRole("heading", { name: "This link has expired" })).toBeVisible();

  // Joe, signed in, opens the link sent to Jane.
  const joe = await openAs("joe");
  await joe.goto(link);
  await expect(joe.getByRole("heading", { name: "This link was sent to Jane" })).toBeVisible();
  await expect(joe.getByRole("button", { name: "Approve" })).toHaveCount(0);
  // "Sign out, to use it as Jane" signs Joe out and comes back to the link, now asking for Jane's password.
  await joe.getByRole("button", { name: "Sign out, to use it as Jane" }).click();
  await expect(joe.getByLabel("Jane's password")).toBeVisible();
  expect(new URL(joe.url()).pathname).toBe(link);

  // Henry, signed in, sees nothing of the request.
  await henry.goto(link);
  await expect(henry.getByRole("heading", { name: "This page is for parents" })).toBeVisible();
  await expect(henry.getByText(/Burger|Deluxe|Jane/)).toHaveCount(0);

  // A wrong password: refused, the typed note kept, nothing decided.
  await stranger.goto(link);
  await stranger.getByLabel("Note").fill("Enjoy it");
  await stranger.getByLabel("Jane's password").fill("not-her-password");
  await stranger.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(stranger.getByText("That password is not right. Try again.")).toBeVisible();
  await expect(stranger.getByLabel("Note")).toHaveValue("Enjoy it");
  expect((await requestRow(requestId)).status).toBe("PENDING");

  // Leave nothing pending (another spec asking for the same dish would merge with it): Jane denies by her link.
  await stranger.goto(await decisionLinkPath(words, "jane", "deny"));
  await expect(stranger.getByRole("heading", { name: "Deny Henry's order from Burger Bonanza?" })).toBeVisible();
  await stranger.getByLabel("Jane's password").fill(PASSWORD);
  await stranger.getByRole("button", { name: "Deny", exact: true }).click();
  await expect(stranger.getByRole("status")).toHaveText("Denied. The child's chat has been told.");
  expect((await requestRow(requestId)).status).toBe("DENIED");

  // The approve link of a decided request says who decided, instead of offering a button.
  await stranger.goto(link);
  await expect(stranger.getByRole("heading", { name: "Already decided" })).toBeVisible();
  await expect(stranger.getByText(/Decided by Jane at \d\d:\d\d: denied\./)).toBeVisible();
});
