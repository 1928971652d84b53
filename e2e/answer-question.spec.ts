import {
  answer,
  decidedSection,
  expect,
  markDocument,
  newChat,
  openPendingCard,
  outcomeCard,
  requestCard,
  send,
  tagged,
  test,
} from "./fixtures";

test("ask a parent: the question reaches the inbox, the reply comes back to the chat by itself", async ({ openAs }) => {
  const henry = await openAs("henry");
  await newChat(henry);
  const words = tagged("ask mum if I can have dessert tonight");
  await send(henry, words);
  const question = henry.getByRole("region", { name: "Question for your parents" });
  await expect(question).toContainText("Can I have dessert tonight");
  await expect(question).toContainText("Waiting for a parent");
  const expectNoReload = await markDocument(henry);

  const jane = await openAs("jane");
  const card = await openPendingCard(jane, "Henry asks a question", words);
  await expect(card.getByRole("figure", { name: /The question/ })).toContainText("Can I have dessert tonight");
  await expect(card).toContainText("Only a parent can answer this question.");
  await expect(card.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(card.getByLabel("Reply")).toHaveAttribute("maxlength", "500");

  // A reply of blanks is refused by the server, and what was typed stays in the box.
  await card.getByLabel("Reply").fill("   ");
  await card.getByRole("button", { name: "Send reply" }).click();
  await expect(card.getByText("Write a reply.")).toBeVisible();
  await expect(card.getByLabel("Reply")).toHaveValue("   ");

  await answer(card, "Yes, one scoop after dinner");
  await expect(jane.getByText("Reply sent. The child's chat has been told.").first()).toBeVisible();
  const decided = requestCard(decidedSection(jane), "Henry asks a question", words);
  await expect(decided).toContainText("Answered by Jane");
  await expect(decided).toContainText("Reply: “Yes, one scoop after dinner”");
  await expect(decided.getByLabel("Reply")).toHaveCount(0);

  // Henry's chat hears the answer without a reload, once.
  await expect(question).toContainText("Answered");
  await expect(outcomeCard(henry)).toContainText("Yes, one scoop after dinner");
  await expect(henry.getByText("Jane says: “Yes, one scoop after dinner”")).toHaveCount(1);
  await expectNoReload();
});
