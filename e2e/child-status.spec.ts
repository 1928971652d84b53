import type { Locator, Page } from "@playwright/test";
import { cancelRequests, removeRules, setActive, setDailyBudget } from "./child-status-data";
import { expect, newChat, orderCard, send, tagged, test } from "./fixtures";

/** The chat header's live status line ("2 waiting for a parent · $7.50 left today"). */
function header(page: Page): Locator {
  return page.getByRole("status", { name: "Your status" });
}

async function waitingCount(page: Page): Promise<number> {
  const text = (await header(page).textContent()) ?? "";
  if (/Nothing waiting/.test(text)) return 0;
  const match = /(\d+) waiting for a parent/.exec(text);
  if (!match?.[1]) throw new Error(`No count in the header: ${text}`);
  return Number(match[1]);
}

test("the chat header counts what waits for a parent, and 'what's waiting?' names it", async ({ openAs }) => {
  const henry = await openAs("henry");
  await newChat(henry);
  await expect(header(henry)).toBeVisible();
  // No budget for Henry in the seed: nothing about money.
  await expect(header(henry)).not.toContainText("left today");
  const before = await waitingCount(henry);
  // Three burgers: no other test's pending request has this exact order, so it cannot merge into one.
  const words = tagged("I'd like 3 deluxe burgers");
  try {
    await send(henry, words);
    await expect(orderCard(henry, "Burger Bonanza")).toContainText("Waiting for a parent");
    // Pushed, not reloaded: the header follows the new request.
    await expect(header(henry)).toContainText(`${before + 1} waiting for a parent`);

    const question = tagged("what's waiting?");
    await send(henry, question);
    const reply = henry
      .getByText(/waiting for a parent/)
      .filter({ hasText: "3× Deluxe Burger from Burger Bonanza ($38.97)" });
    await expect(reply).toBeVisible();
    await expect(henry.getByRole("region", { name: "Your status" })).toContainText("Waiting for a parent");
  } finally {
    await cancelRequests([words]);
  }
});

test("with a daily budget the header shows what is left today, and the agent agrees", async ({ openAs }) => {
  const rulesId = await setDailyBudget("henry", 50_000);
  try {
    const henry = await openAs("henry");
    await newChat(henry);
    await expect(header(henry)).toContainText(/\$[\d,]+\.\d\d left today/);
    const left = /(\$[\d,]+\.\d\d) left today/.exec((await header(henry).textContent()) ?? "")?.[1];
    await send(henry, tagged("how much can I still spend?"));
    await expect(henry.getByText(`You can still spend ${left} today.`, { exact: false })).toBeVisible();
    await expect(henry.getByText("Your budget is $500.00 a day.", { exact: false })).toBeVisible();
  } finally {
    await removeRules(rulesId);
  }
});

test("'ask mum if I can have dessert' shows the question waiting for a parent", async ({ openAs }) => {
  const henry = await openAs("henry");
  await newChat(henry);
  const words = tagged("ask mum if I can have dessert");
  try {
    await send(henry, words);
    const card = henry.getByRole("region", { name: "Question for your parents" });
    await expect(card).toContainText(/“Can I have dessert #e2e\w+\?”/);
    await expect(card).toContainText("Waiting for a parent");
    await expect(henry.getByText(/I asked your parents: “Can I have dessert/)).toBeVisible();
  } finally {
    await cancelRequests([words]);
  }
});

test("a child removed while chatting is told they are signed out, and keeps what they typed", async ({ openAs }) => {
  const rose = await openAs("rose");
  await newChat(rose);
  await expect(header(rose)).toBeVisible();
  const words = tagged("I want a cheese pizza");
  await setActive("rose", false);
  try {
    await send(rose, words);
    const alert = rose
      .getByRole("alert")
      .filter({ hasText: "You're signed out. Ask a parent to help you sign in again." });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
    await expect(rose.getByLabel("Message")).toHaveValue(words);
  } finally {
    await setActive("rose", true);
  }
});
