// "Decided elsewhere": when one parent decides, the other parent's open inbox swaps that card's buttons for who
// decided and when, without a reload, and keeps what was half typed on another card.
import {
  answer,
  decide,
  expect,
  markDocument,
  newChat,
  openPendingCard,
  orderCard,
  requestCard,
  send,
  tagged,
  test,
} from "./fixtures";

// Three browser contexts (a child, two parents): more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

test("Jane approves; Joe's open inbox shows 'Decided by Jane at HH:MM' instead of buttons", async ({ openAs }) => {
  const henry = await openAs("henry");
  await newChat(henry);
  const orderWords = tagged("I'd like the pepperoni pizza");
  await send(henry, orderWords);
  await expect(orderCard(henry, "Pizza Palace")).toContainText("Waiting for a parent");
  await newChat(henry);
  const questionWords = tagged("ask mum if I can have dessert tonight");
  await send(henry, questionWords);
  await expect(henry.getByRole("region", { name: "Question for your parents" })).toContainText("Waiting for a parent");

  const orderTitle = "Henry wants to order from Pizza Palace";
  const janeCard = await openPendingCard(await openAs("jane"), orderTitle, orderWords);
  const joe = await openAs("joe");
  const joeCard = await openPendingCard(joe, orderTitle, orderWords);
  const joeQuestion = await openPendingCard(joe, "Henry asks a question", questionWords);
  const expectNoReload = await markDocument(joe);
  // Joe has started a reply to the other request, and is looking at the order.
  await joeQuestion.getByLabel("Reply").fill("Yes, if you eat your greens");
  await expect(joeCard.getByRole("button", { name: "Approve", exact: true })).toBeVisible();

  // Records whether the in-place notice ever showed (the refresh that follows may move the card away quickly).
  await joe.evaluate(() => {
    const seen = window as unknown as { e2eNoticeSeen?: boolean };
    seen.e2eNoticeSeen = false;
    new MutationObserver(() => {
      if (document.body.textContent?.match(/Decided by Jane at \d\d:\d\d: approved\./)) seen.e2eNoticeSeen = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  await decide(janeCard, "Approve");

  // Wherever the card is (in place, or moved to Decided by the refresh), it names Jane and the time, no buttons.
  const joeAny = requestCard(joe.getByRole("main"), orderTitle, orderWords);
  await expect(joeAny).toContainText(/by Jane at \d\d:\d\d/);
  await expect(joeAny.getByRole("button", { name: /Approve|Deny/ })).toHaveCount(0);
  await expect
    .poll(() => joe.evaluate(() => (window as unknown as { e2eNoticeSeen?: boolean }).e2eNoticeSeen))
    .toBe(true);
  await expect(joeQuestion.getByLabel("Reply")).toHaveValue("Yes, if you eat your greens");
  await expectNoReload();

  // Leave nothing pending.
  await answer(joeQuestion, "Yes, if you eat your greens");
  await expect(joe.getByText("Reply sent. The child's chat has been told.").first()).toBeVisible();
});
