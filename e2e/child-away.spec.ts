import {
  decide,
  expect,
  newChat,
  openPendingCard,
  orderCard,
  outcomeCard,
  send,
  tagged,
  test,
  typed,
} from "./fixtures";

test("a child who left hears the parent's answer once when he comes back", async ({ openAs, newContext }) => {
  const henry = await openAs("henry");
  await newChat(henry);
  const words = tagged("I'd like the deluxe burger");
  await send(henry, words);
  await expect(orderCard(henry, "Burger Bonanza")).toContainText("Waiting for a parent");
  const chatUrl = henry.url();
  const signedIn = await henry.context().storageState();
  await henry.context().close();

  const jane = await openAs("jane");
  await decide(await openPendingCard(jane, "Henry wants to order from Burger Bonanza", words), "Approve");
  await expect(jane.getByText("Approved. The child's chat has been told.").first()).toBeVisible();

  // Henry opens Lunchbox again: he lands in his latest chat, this one.
  const back = await (await newContext(signedIn)).newPage();
  await back.goto("/chat");
  await expect(back).toHaveURL(chatUrl);
  await expect(typed(back, words)).toBeVisible();
  await expect(orderCard(back, "Burger Bonanza")).toContainText("Approved");
  await expect(outcomeCard(back)).toContainText("Jane answered");
  await expect(back.getByText(/Good news, Jane said yes!/)).toContainText("Deluxe Burger");
  await expect(back.getByText(/said yes/)).toHaveCount(1);

  await back.reload();
  await expect(back.getByText(/Good news, Jane said yes!/)).toBeVisible();
  await expect(back.getByText(/said yes/)).toHaveCount(1);
});
