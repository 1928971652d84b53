import {
  decide,
  decidedSection,
  expect,
  markDocument,
  newChat,
  openPendingCard,
  orderCard,
  outcomeCard,
  requestCard,
  send,
  tagged,
  test,
} from "./fixtures";

test("a parent approves a premium dish and the child's chat goes on by itself", async ({ openAs }) => {
  const henry = await openAs("henry");
  await newChat(henry);
  const words = tagged("I'd like the deluxe burger");
  await send(henry, words);
  const order = orderCard(henry, "Burger Bonanza");
  await expect(order).toContainText("Deluxe Burger");
  await expect(order).toContainText("Waiting for a parent");
  const expectNoReload = await markDocument(henry);

  // Jane, on her own device, sees why she is asked and what Henry wrote.
  const jane = await openAs("jane");
  const card = await openPendingCard(jane, "Henry wants to order from Burger Bonanza", words);
  await expect(card.getByRole("heading", { name: "Why a parent is needed" })).toBeVisible();
  await expect(card).toContainText("Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes.");
  await expect(card.getByRole("figure", { name: /Henry wrote/ })).toContainText(`“${words}”`);

  await decide(card, "Approve");
  await expect(jane.getByText("Approved. The child's chat has been told.").first()).toBeVisible();
  await expect(requestCard(decidedSection(jane), "Henry wants to order from Burger Bonanza", words)).toContainText(
    "Approved by Jane",
  );

  // Henry's chat hears about it without a reload: the card's status, then Lunchbox's reply.
  await expect(order).toContainText("Approved");
  await expect(outcomeCard(henry)).toContainText("Jane answered");
  const reply = henry.getByText(/Good news, Jane said yes!/);
  await expect(reply).toContainText("Deluxe Burger");
  await expect(henry.getByText(/said yes/)).toHaveCount(1);
  await expectNoReload();

  // The reply was stored once: a reload shows it once, and does not tell it again.
  await henry.reload();
  await expect(orderCard(henry, "Burger Bonanza")).toContainText("Approved");
  await expect(reply).toBeVisible();
  await expect(henry.getByText(/said yes/)).toHaveCount(1);
});
