import { expect, expireRequest, markDocument, newChat, orderCard, outcomeCard, send, tagged, test } from "./fixtures";

test("a request nobody answers expires, and the child is told honestly without reloading", async ({ openAs }) => {
  const henry = await openAs("henry");
  await newChat(henry);
  const words = tagged("I want the truffle pasta");
  await send(henry, words);
  const order = orderCard(henry, "Fancy French");
  await expect(order).toContainText("Waiting for a parent");
  const expectNoReload = await markDocument(henry);

  // Hours go by: the server's expiry sweeper finds it and the chat hears about it by push.
  await expireRequest(words);
  await expect(order).toContainText("Expired");
  await expect(outcomeCard(henry)).toContainText("No answer in time");
  await expect(henry.getByText(/Nobody answered about .* in time/)).toHaveCount(1);
  await expectNoReload();

  // A parent who opens the inbox now sees it as expired, not as waiting or denied.
  const jane = await openAs("jane");
  const card = jane.getByRole("article", { name: "Henry wants to order from Fancy French" }).filter({ hasText: words });
  await expect(card).toContainText("Nobody answered in time.");
  await expect(card.getByRole("button", { name: "Approve" })).toHaveCount(0);
});
