import { answer, decidedSection, expect, insertQuestion, openPendingCard, requestCard, tagged, test } from "./fixtures";

test("a parent answers a question in the inbox, once; the card then shows the reply", async ({ openAs }) => {
  const words = tagged("ask mum if I can have dessert tonight");
  insertQuestion("henry", "Henry asks: can he have dessert tonight?", words);

  const jane = await openAs("jane");
  const card = await openPendingCard(jane, "Henry asks a question", words);
  await expect(card.getByRole("figure", { name: /The question/ })).toContainText(
    "Henry asks: can he have dessert tonight?",
  );
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
});
