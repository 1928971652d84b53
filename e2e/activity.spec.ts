import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { findAuditRow, setAuditData } from "./activity-helpers";
import { decide, expect, newChat, openPendingCard, orderCard, send, tagged, test } from "./fixtures";

// Each test runs on desktop and phone against the one shared database: every row is found by a word unique
// to the test, and the tampered row is put back byte for byte so later specs see an intact trail.

const APPROVED = "Jane approved Henry's order of 1× Deluxe Burger from Burger Bonanza ($12.99)";
const PREMIUM = "Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes.";

test("a parent reads who did what and why, filters by child, and downloads it as CSV", async ({ openAs }) => {
  const henry = await openAs("henry");
  await newChat(henry);
  const words = tagged("I'd like the deluxe burger");
  await send(henry, words);
  await expect(orderCard(henry, "Burger Bonanza")).toContainText("Waiting for a parent");

  const jane = await openAs("jane");
  const card = await openPendingCard(jane, "Henry wants to order from Burger Bonanza", words);
  const note = tagged("Enjoy it");
  await decide(card, "Approve", note);
  await expect(jane.getByText("Approved. The child's chat has been told.").first()).toBeVisible();

  await jane.getByRole("link", { name: "Activity" }).click();
  await expect(jane.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  await expect(jane.getByRole("status").filter({ hasText: /Trail intact: \d+ events? checked/ })).toBeVisible();
  await expect(jane.getByRole("columnheader", { name: "When" })).toBeVisible();
  await expect(jane.getByRole("columnheader", { name: "What happened" })).toBeVisible();
  const row = jane.getByRole("row").filter({ hasText: note });
  await expect(row).toContainText(APPROVED);
  await expect(row).toContainText(PREMIUM);
  await expect(row).toContainText(`Note to Henry: “${note}”`);
  await expect(row.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(row).toContainText(/just now|minutes? ago/);
  // Henry's ask is older, so further down.
  const asked = jane.getByRole("row").filter({ hasText: "Henry asked a parent to allow 1× Deluxe Burger" }).first();
  await expect(asked).toContainText(PREMIUM);
  // Readable at 390 px (nothing scrolls sideways), and no WCAG A/AA violations. Reloaded first: the inbox's
  // "Approved" toast would still be on screen after the client-side navigation, and it is not this page's.
  await jane.reload();
  await expect(jane.getByRole("status").filter({ hasText: /Trail intact/ })).toBeVisible();
  expect(await jane.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const axe = await new AxeBuilder({ page: jane }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(
    axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);

  // Only Rose's events: Henry's approval goes.
  await jane.getByLabel("Child").selectOption({ label: "Rose" });
  await jane.getByRole("button", { name: "Apply" }).click();
  await expect(jane).toHaveURL(/[?&]child=/);
  await expect(jane.getByLabel("Child")).toHaveValue(/.+/);
  await expect(jane.getByRole("row").filter({ hasText: note })).toHaveCount(0);

  // Henry's approvals only, then the CSV of exactly those.
  await jane.getByLabel("Child").selectOption({ label: "Henry" });
  await jane.getByLabel("Kind").selectOption({ label: "Requests" });
  await jane.getByLabel("Status").selectOption({ label: "Approved" });
  await jane.getByRole("button", { name: "Apply" }).click();
  await expect(jane).toHaveURL(/status=approved/);
  await expect(jane.getByRole("row").filter({ hasText: note })).toContainText(APPROVED);
  await expect(jane.getByRole("row").filter({ hasText: "asked a parent" })).toHaveCount(0);

  const [download] = await Promise.all([
    jane.waitForEvent("download"),
    jane.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^lunchbox-activity-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path(), "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("seq,time,actor,actor role,child,action,description,why,subject id,hash");
  const line = lines.find((l) => l.includes(note));
  expect(line).toContain(`,Jane,PARENT,Henry,request.approved,${APPROVED},`);
  expect(lines.slice(1).every((l) => l.includes(",request.approved,"))).toBe(true);

  await jane.getByRole("link", { name: "Clear" }).click();
  await expect(jane).toHaveURL(/\/activity$/);
});

test("the verifier flags a row edited by SQL, and is content again once it is put back", async ({ openAs }) => {
  // A row of this test's own: Jane denies Henry's Fancy French request with a unique note.
  const henry = await openAs("henry");
  await newChat(henry);
  const words = tagged("can I order from Fancy French?");
  await send(henry, words);
  const jane = await openAs("jane");
  const card = await openPendingCard(jane, "Henry asks to use Fancy French", words);
  const note = tagged("Not this week");
  await decide(card, "Deny", note);
  await expect(jane.getByText("Denied. The child's chat has been told.").first()).toBeVisible();

  const target = await findAuditRow(note);
  expect(target.action).toBe("request.denied");
  try {
    await setAuditData(target.id, target.data.replace("Not this week", "Yes of course"));
    await jane.goto("/activity");
    const alert = jane.getByRole("alert").filter({ hasText: "The trail is broken" });
    await expect(alert).toContainText(
      new RegExp(
        `The trail is broken at event #${target.seq} \\(request denied, \\d+ \\w{3} \\d{2}:\\d{2}\\): it was changed or removed after it was written\\. Events after it cannot be trusted\\.`,
      ),
    );
    await expect(jane.getByRole("status").filter({ hasText: "Trail intact" })).toHaveCount(0);
    // The tampered row is on the page and marked as the broken one.
    await alert.getByRole("link", { name: `Show event #${target.seq}` }).click();
    const row = jane.locator(`#event-${target.seq}`);
    await expect(row).toContainText("Broken here");
    await expect(row).toContainText("Yes of course");
  } finally {
    await setAuditData(target.id, target.data);
  }
  await jane.goto("/activity");
  await expect(jane.getByRole("status").filter({ hasText: /Trail intact/ })).toBeVisible();
  await expect(jane.getByRole("alert").filter({ hasText: "The trail is broken" })).toHaveCount(0);
  await expect(jane.getByRole("row").filter({ hasText: note })).toContainText(
    "Jane denied Henry's request to use Fancy French",
  );
});

test("a child cannot open the activity page or download it", async ({ openAs }) => {
  const henry = await openAs("henry");
  await henry.goto("/activity");
  await expect(henry).toHaveURL(/\/chat/);
  const response = await henry.request.get("/activity/export");
  expect(response.status()).toBe(403);
  const signedOut = await henry.context().browser()?.newContext({ baseURL: test.info().project.use.baseURL });
  const anonymous = await signedOut?.request.get("/activity/export");
  expect(anonymous?.status()).toBe(401);
  await signedOut?.close();
});
