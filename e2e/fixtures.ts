// Shared steps for the end-to-end specs: who signs in, how a child chats, how a parent finds a request.
// Every spec runs against one database (data/e2e.db, fresh per `playwright test` run) shared by both projects,
// so nothing here relies on what another test left behind: each test starts a new chat, and a parent finds a
// request by the words the child typed, which carry a tag unique to the test.
import {
  type Browser,
  type BrowserContext,
  test as base,
  expect,
  type Locator,
  type Page,
  type TestInfo,
} from "@playwright/test";
import { sqlTime, withE2eDb } from "./db";

export { expect };

export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

export const PASSWORD = "lunchbox";

export const PEOPLE = {
  henry: { login: "henry", name: "Henry", role: "CHILD" },
  rose: { login: "rose", name: "Rose", role: "CHILD" },
  joe: { login: "joe@example.com", name: "Joe", role: "PARENT" },
  jane: { login: "jane@example.com", name: "Jane", role: "PARENT" },
} as const;
export type Who = keyof typeof PEOPLE;

/** Where each role lands after signing in: a child in a chat, a parent in the inbox. */
export const HOME = { CHILD: /\/chat(\/[\w-]+)?$/, PARENT: /\/inbox$/ } as const;

type Fixtures = {
  /** A page in a browser context of its own (own cookies, the project's device), already signed in as `who`. */
  openAs: (who: Who) => Promise<Page>;
  /** A fresh context of the project's device, signed out; pass a storage state to come back as someone. */
  newContext: (storageState?: StorageState) => Promise<BrowserContext>;
};

export const test = base.extend<Fixtures>({
  newContext: async ({ browser }, use, testInfo) => {
    const contexts: BrowserContext[] = [];
    await use(async (storageState) => {
      const context = await newDeviceContext(browser, testInfo.project.use, storageState);
      contexts.push(context);
      return context;
    });
    for (const context of contexts) await context.close().catch(() => {});
  },
  openAs: async ({ newContext }, use) => {
    await use(async (who) => {
      const page = await (await newContext()).newPage();
      await signIn(page, who);
      return page;
    });
  },
});

// browser.newContext() does not read the project's `use`: hand it the device and the base URL.
function newDeviceContext(
  browser: Browser,
  use: TestInfo["project"]["use"],
  storageState?: StorageState,
): Promise<BrowserContext> {
  const { baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale, timezoneId } = use;
  return browser.newContext({
    baseURL,
    viewport,
    userAgent,
    deviceScaleFactor,
    isMobile,
    hasTouch,
    locale,
    timezoneId,
    storageState,
  });
}

/** Signs in on the page's base URL as a demo person, or as a spec's own `{ login, role }` (same password). */
export async function signIn(page: Page, who: Who | { login: string; role: keyof typeof HOME }): Promise<void> {
  const person = typeof who === "string" ? PEOPLE[who] : who;
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(person.login);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(HOME[person.role]);
}

/**
 * A word only this test types, added to what the child says, so the parent can tell this request from
 * others in the shared database. It holds digits, which the offline model reads as neither food nor a number.
 */
export function tagged(words: string): string {
  const tag = `e2e${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 10)}`;
  return `${words} #${tag}`;
}

// ---- the child's chat ----

export async function newChat(page: Page): Promise<void> {
  await page.goto("/chat/new");
  await expect(page.getByRole("heading", { name: "What would you like to eat?" })).toBeVisible();
}

/** What someone typed, as shown in the chat (not an "Earlier chats" link with the same title). */
export function typed(page: Page, text: string): Locator {
  return page.getByText(text, { exact: true }).and(page.getByRole("paragraph"));
}

/** Types a message and sends it; the Send button waits while Lunchbox is still answering. */
export async function send(page: Page, text: string): Promise<void> {
  const input = page.getByLabel("Message");
  const button = page.getByRole("button", { name: "Send" });
  // Typing before the page's script has taken over the box would leave Send disabled: type again then.
  await expect(async () => {
    await input.fill(text);
    await expect(button).toBeEnabled({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await button.click();
  await expect(typed(page, text)).toBeVisible();
}

/**
 * Marks the page's document; the returned check fails if the page was reloaded or left since, so a test can
 * prove that something arrived by push.
 */
export async function markDocument(page: Page): Promise<() => Promise<void>> {
  const mark = `e2e-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((value) => {
    (window as unknown as { e2eMark?: string }).e2eMark = value;
  }, mark);
  return async () => {
    const now = await page.evaluate(() => (window as unknown as { e2eMark?: string }).e2eMark);
    expect(now, "the page was reloaded or navigated away").toBe(mark);
  };
}

/** The order card the agent shows in the chat, e.g. "Order from Burger Bonanza". */
export function orderCard(page: Page, restaurant: string): Locator {
  return page.getByRole("region", { name: `Order from ${restaurant}` });
}

/** The card in the chat that says what a parent answered. */
export function outcomeCard(page: Page): Locator {
  return page.getByRole("region", { name: "A parent answered" });
}

// ---- the parent's inbox ----

export function pendingSection(page: Page): Locator {
  return page.getByRole("region", { name: /^Waiting for you/ });
}

export function decidedSection(page: Page): Locator {
  return page.getByRole("region", { name: "Decided" });
}

/** The request card whose quote holds the child's words (with their tag), in a section of the inbox. */
export function requestCard(section: Locator, title: string, childWords: string): Locator {
  return section.getByRole("article", { name: title }).filter({ hasText: childWords });
}

/** How many requests wait for a parent, as the inbox's heading says: "Waiting for you (3)". */
export async function pendingCount(page: Page): Promise<number> {
  const heading = (await page.getByRole("heading", { name: /^Waiting for you/ }).textContent()) ?? "";
  const match = /\((\d+)\)/.exec(heading);
  if (!match?.[1]) throw new Error(`No count in the inbox heading: ${heading}`);
  return Number(match[1]);
}

/** The inbox's link to the next page of waiting requests (newer than the ones shown). */
export function laterRequests(page: Page): Locator {
  return page
    .getByRole("navigation", { name: "Pages of waiting requests" })
    .getByRole("link", { name: "Later requests" });
}

/**
 * Waits for the card of this request among those waiting, following "Later requests" as a parent would: the inbox
 * shows 20 waiting requests a page, oldest first, and other specs' requests share the database, so a new request
 * may be on a later page. A page link that appears while waiting (the inbox refreshes live) is followed too. Returns
 * with the page on the card's page; the pages are client navigations, so the document is not reloaded.
 */
export async function findPendingCard(page: Page, title: string, childWords: string): Promise<Locator> {
  const card = requestCard(pendingSection(page), title, childWords);
  await expect(async () => {
    if (!(await card.isVisible()) && (await laterRequests(page).isVisible())) await laterRequests(page).click();
    await expect(card).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  return card;
}

/** Opens the inbox fresh and finds the card of this request among those waiting (see findPendingCard). */
export async function openPendingCard(page: Page, title: string, childWords: string): Promise<Locator> {
  await page.goto("/inbox");
  return findPendingCard(page, title, childWords);
}

export type ScopeChoice = "Once" | "Always this restaurant" | "Always this dish";

/** Decides a pending card: optionally picks what to allow ("Once" is preselected) and writes a note first. */
export async function decide(
  card: Locator,
  button: "Approve" | "Approve with changes" | "Deny",
  note = "",
  scope?: ScopeChoice,
) {
  if (scope) await card.getByRole("radio", { name: scope, exact: true }).check();
  if (note) await card.getByLabel("Note").fill(note);
  await card.getByRole("button", { name: button, exact: true }).click();
}

/** Replies to a pending question card. */
export async function answer(card: Locator, reply: string) {
  await card.getByLabel("Reply").fill(reply);
  await card.getByRole("button", { name: "Send reply" }).click();
}

// ---- test data that no screen can undo ----

/**
 * Takes back a child's permissions for a restaurant (and its dishes), as if they had never been given: an
 * "Always this restaurant" or "Always this dish" given by an earlier test (or the other project) would otherwise stay.
 */
export function revokeAccess(child: Who, restaurant: string): Promise<void> {
  return revokeGrants(child, `"restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "name" = ?)`, restaurant);
}

/** Takes back a child's standing grant for one dish ("Always this dish"). */
export function revokeDish(child: Who, dish: string): Promise<void> {
  return revokeGrants(child, `"dishId" IN (SELECT "id" FROM "Dish" WHERE "name" = ?)`, dish);
}

async function revokeGrants(child: Who, which: string, name: string): Promise<void> {
  await withE2eDb((db) =>
    db.run(
      `UPDATE "AccessGrant" SET "revokedAt" = ?
       WHERE "revokedAt" IS NULL AND "childId" IN (SELECT "id" FROM "User" WHERE "username" = ?) AND ${which}`,
      sqlTime(),
      PEOPLE[child].login,
      name,
    ),
  );
}

/**
 * How many requests the child's words made, in any state: zero proves no parent was asked, whichever inbox page a
 * card would have been on.
 */
export async function requestsWithWords(childWords: string): Promise<number> {
  const row = await withE2eDb((db) =>
    db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM "ApprovalRequest" WHERE "childWords" = ?`, childWords),
  );
  return Number(row?.n);
}

/** Moves the expiry of the child's pending request (found by its words) into the past, as if hours had gone by. */
export async function expireRequest(childWords: string): Promise<void> {
  await withE2eDb(async (db) => {
    const changed = await db.run(
      `UPDATE "ApprovalRequest" SET "expiresAt" = ? WHERE "status" = 'PENDING' AND "childWords" = ?`,
      sqlTime(new Date(Date.now() - 60_000)),
      childWords,
    );
    if (changed.changes !== 1) throw new Error(`expected one pending request for "${childWords}"`);
  });
}

/** The child on `page` asks for the premium Deluxe Burger in a new chat; returns the words, which find the request. */
export async function asksForDeluxe(page: Page): Promise<string> {
  await newChat(page);
  const words = tagged("I'd like the deluxe burger");
  await send(page, words);
  await expect(orderCard(page, "Burger Bonanza")).toContainText("Waiting for a parent");
  return words;
}
