import { violations } from "./axe";
import { cancelRequests } from "./child-status-data";
import {
  decide,
  decidedSection,
  expect,
  newChat,
  openPendingCard,
  orderCard,
  requestCard,
  send,
  tagged,
  test,
} from "./fixtures";

// The deluxe burger this spec asks for, settled even when the test fails before denying it: a request left
// waiting would absorb every later spec's identical order (identical pending requests merge).
const asked: string[] = [];
test.afterEach(async () => {
  await cancelRequests(asked.splice(0));
});

test("sign-in, chat with cards, and the inbox have no WCAG A/AA violations", async ({ page, openAs }) => {
  await page.goto("/login");
  await expect(page.getByLabel("Username or email")).toBeVisible();
  expect(await violations(page)).toEqual([]);

  const henry = await openAs("henry");
  await newChat(henry);
  expect(await violations(henry)).toEqual([]);
  await send(henry, tagged("what's on the menu at Burger Bonanza?"));
  await expect(henry.getByRole("region", { name: "Menu of Burger Bonanza" })).toBeVisible();
  const words = tagged("I'd like the deluxe burger");
  asked.push(words);
  await send(henry, words);
  await expect(orderCard(henry, "Burger Bonanza")).toContainText("Waiting for a parent");
  expect(await violations(henry)).toEqual([]);

  const jane = await openAs("jane");
  const card = await openPendingCard(jane, "Henry wants to order from Burger Bonanza", words);
  expect(await violations(jane)).toEqual([]);
  // Leave nothing pending: another spec asking for the same dish would be merged into this request.
  await decide(card, "Deny");
  await expect(requestCard(decidedSection(jane), "Henry wants to order from Burger Bonanza", words)).toBeVisible();
});
