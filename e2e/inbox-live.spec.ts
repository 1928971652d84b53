import {
  decide,
  decidedSection,
  expect,
  findPendingCard,
  markDocument,
  newChat,
  orderCard,
  pendingSection,
  requestCard,
  send,
  tagged,
  test,
} from "./fixtures";

test("open inboxes show a new request and the other parent's decision by themselves", async ({ openAs }) => {
  const jane = await openAs("jane");
  const joe = await openAs("joe");
  for (const parent of [jane, joe]) {
    await parent.goto("/inbox");
    await expect(parent.getByRole("heading", { name: /^Waiting for you/ })).toBeVisible();
  }
  const janeNoReload = await markDocument(jane);
  const joeNoReload = await markDocument(joe);

  const henry = await openAs("henry");
  await newChat(henry);
  const words = tagged("I'd like the deluxe burger");
  await send(henry, words);
  await expect(orderCard(henry, "Burger Bonanza")).toContainText("Waiting for a parent");

  // Both parents see it arrive without reloading: on the page they have open, or (when other specs' requests fill
  // it) on a later page, whose link appears by itself.
  const title = "Henry wants to order from Burger Bonanza";
  const janeCard = await findPendingCard(jane, title, words);
  await findPendingCard(joe, title, words);
  await expect(joe).toHaveTitle(/^\(\d+\) Inbox/);

  // Jane decides; Joe's inbox moves the card to Decided and says who decided.
  await decide(janeCard, "Approve");
  await expect(requestCard(decidedSection(joe), title, words)).toContainText("Approved by Jane");
  await expect(requestCard(pendingSection(joe), title, words)).toHaveCount(0);

  await janeNoReload();
  await joeNoReload();
});
