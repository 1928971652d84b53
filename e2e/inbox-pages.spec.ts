// The inbox shows 20 waiting requests a page, longest waiting first: the count stays the family's total, the pages
// are links kept in the URL (a reload or a live refresh stays on the page), reachable by keyboard, and a page whose
// last card is decided gives way to the last page left. In a family of its own, so every count is exact.
import { violations } from "./axe";
import {
  decide,
  decidedSection,
  expect,
  findPendingCard,
  laterRequests,
  markDocument,
  pendingCount,
  pendingSection,
  signIn,
  test,
} from "./fixtures";
import { createOwnFamily, type OwnFamily } from "./own-family";
import { askForDeluxeIn, signedInClient } from "./threats/http";

// 26 chat turns through the API before the browser part: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });

let family: OwnFamily | null = null;
test.afterEach(async () => {
  await family?.close();
  family = null;
});

test("25 waiting: two pages, next and previous by keyboard, live updates keep the page and the counts", async ({
  page,
  baseURL,
}) => {
  family = await createOwnFamily(6);
  const own = family;
  const kids = await Promise.all(own.children.map((login) => signedInClient(baseURL ?? "", { login })));
  // Five children ask for 1–5 burgers each (identical requests would merge): 25 waiting, in this order.
  const asked: { id: string; words: string }[] = [];
  for (let quantity = 1; quantity <= 5; quantity++)
    for (const kid of kids.slice(0, 5)) asked.push(await askForDeluxeIn(kid, quantity));
  const words = asked.map((a) => a.words);

  await signIn(page, { login: own.parents[0], role: "PARENT" });
  const cards = pendingSection(page).getByRole("article");
  const earlier = page.getByRole("navigation", { name: "Pages of waiting requests" }).getByRole("link", {
    name: "Earlier requests",
  });
  const heading = page.getByRole("heading", { name: /^Waiting for you/ });
  const position = pendingSection(page).getByText(/^Showing \d+–\d+ of \d+/);

  // The first page: the 20 that have waited longest, in order, and the family's whole count.
  await expect(cards).toHaveCount(20);
  await expect(cards).toContainText(words.slice(0, 20));
  expect(await pendingCount(page)).toBe(25);
  await expect(page).toHaveTitle(/^\(25\) Inbox/);
  await expect(position).toHaveText("Showing 1–20 of 25, longest waiting first.");
  await expect(laterRequests(page)).toBeVisible();
  await expect(earlier).toHaveCount(0);
  expect(await violations(page), "first page").toEqual([]);

  // By keyboard: the link comes right after the last card's buttons, and Enter follows it.
  await cards.nth(19).getByRole("button", { name: "Deny", exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(laterRequests(page)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/inbox\?from=[\w-]+$/);
  await expect(cards).toHaveCount(5);
  await expect(cards).toContainText(words.slice(20));
  await expect(position).toHaveText("Showing 21–25 of 25, longest waiting first.");
  await expect(laterRequests(page)).toHaveCount(0);
  // Reading starts again at the top of the new page.
  await expect(heading).toBeFocused();
  expect(await violations(page), "second page").toEqual([]);

  // The page is in the URL: a reload stays on it; "Earlier requests" goes back, "Later requests" forward again.
  const secondPage = page.url();
  await page.reload();
  await expect(cards).toHaveCount(5);
  await expect(cards.first()).toContainText(words[20] ?? "");
  await earlier.click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(cards).toHaveCount(20);
  await expect(heading).toBeFocused();
  await laterRequests(page).click();
  await expect(page).toHaveURL(secondPage);
  await expect(cards).toHaveCount(5);
  const noReload = await markDocument(page);

  // A new request arrives: it has waited least, so it joins this last page, and both counts follow.
  const sixth = kids[5];
  if (!sixth) throw new Error("six children were made");
  const newest = await askForDeluxeIn(sixth, 1);
  await expect(cards).toHaveCount(6);
  await expect(cards.last()).toContainText(newest.words);
  await expect(heading).toHaveText("Waiting for you (26)");
  await expect(page).toHaveTitle(/^\(26\) Inbox/);
  await expect(position).toHaveText("Showing 21–26 of 26, longest waiting first.");
  await noReload();

  // The specs' own way to a request (fixtures.findPendingCard) gets there from the first page by the page links.
  await page.goto("/inbox");
  await expect(cards.first()).toContainText(words[0] ?? "");
  await findPendingCard(page, `Kid 6 wants to order from ${own.restaurant}`, newest.words);
  await expect(page).toHaveURL(secondPage);
  const stillNoReload = await markDocument(page);

  // The other parent decides the oldest request, on the first page: this page stays where it is.
  const other = await signedInClient(baseURL ?? "", { login: own.parents[1] });
  const denied = await other.post(`/api/requests/${asked[0]?.id}/decision`, { data: { decision: "DENY" } });
  expect(denied.status()).toBe(200);
  await other.dispose();
  await expect(heading).toHaveText("Waiting for you (25)");
  await expect(position).toHaveText("Showing 20–25 of 25, longest waiting first.");
  await expect(cards.first()).toContainText(words[20] ?? "");
  await expect(decidedSection(page).getByRole("article").filter({ hasText: words[0] })).toContainText("Denied by Sam");

  // The parent decides every card on this page: the last one gone, the inbox shows the last page left (here the
  // first, 19 requests, so no page links) and says so in the address bar.
  for (const ask of [...asked.slice(20), newest]) {
    const card = cards.filter({ hasText: ask.words });
    await decide(card, "Deny");
    await expect(decidedSection(page).getByRole("article").filter({ hasText: ask.words })).toBeVisible();
  }
  await expect(cards).toHaveCount(19);
  await expect(cards).toContainText(words.slice(1, 20));
  await expect(heading).toHaveText("Waiting for you (19)");
  await expect(page).toHaveTitle(/^\(19\) Inbox/);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(position).toHaveCount(0);
  await expect(laterRequests(page)).toHaveCount(0);
  await expect(earlier).toHaveCount(0);
  await stillNoReload();
  await Promise.all(kids.map((kid) => kid.dispose()));
});
