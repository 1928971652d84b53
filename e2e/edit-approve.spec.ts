import { requestIdFor } from "./decision-link";
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
import { signedInClient } from "./threats/http";

const BURGERS = "Henry wants to order from Burger Bonanza";

test("a parent changes the quantity before approving; a live refresh keeps the edit; the child hears what was placed", async ({
  openAs,
  baseURL,
}) => {
  const henry = await openAs("henry");
  await newChat(henry);
  const words = tagged("I'd like two deluxe burgers");
  await send(henry, words);
  const order = orderCard(henry, "Burger Bonanza");
  await expect(order).toContainText("2× Deluxe Burger");
  await expect(order).toContainText("Waiting for a parent");
  const expectNoReload = await markDocument(henry);
  const rose = await openAs("rose");
  await newChat(rose);
  const roseWords = tagged("can I have the pepperoni pizza");
  await send(rose, roseWords);
  await expect(orderCard(rose, "Pizza Palace")).toContainText("Waiting for a parent");

  const jane = await openAs("jane");
  const card = await openPendingCard(jane, BURGERS, words);
  const approveEdited = card.getByRole("button", { name: "Approve with changes" });
  await expect(approveEdited).toHaveCount(0);
  await card.getByLabel("Quantity of Deluxe Burger").fill("1");
  await card.getByLabel("Note").fill("One is plenty");
  await expect(approveEdited).toBeVisible();
  await expect(card.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await expect(card).toContainText("New total");
  const janeNoReload = await markDocument(jane);

  // Joe denies Rose's request while Jane is editing: her inbox refreshes by itself (Rose's card shows among the
  // decided ones, which every page of the inbox lists) and her edit is still there.
  const joe = await signedInClient(baseURL ?? "", "joe");
  const denied = await joe.post(`/api/requests/${await requestIdFor(roseWords)}/decision`, {
    data: { decision: "DENY" },
  });
  expect(denied.status()).toBe(200);
  await joe.dispose();
  const roseCard = requestCard(decidedSection(jane), "Rose wants to order from Pizza Palace", roseWords);
  await expect(roseCard).toContainText("Denied by Joe");
  await expect(card.getByLabel("Quantity of Deluxe Burger")).toHaveValue("1");
  await expect(card.getByLabel("Note")).toHaveValue("One is plenty");
  await janeNoReload();

  await decide(card, "Approve with changes");
  await expect(
    jane.getByText("Approved with changes (Deluxe Burger: 2 → 1). The child's chat has been told.").first(),
  ).toBeVisible();
  const decided = requestCard(decidedSection(jane), BURGERS, words);
  await expect(decided).toContainText("Approved by Jane");
  await expect(decided).toContainText("Approved with changes: Deluxe Burger: 2 → 1.");
  await expect(decided).toContainText("1× Deluxe Burger");
  // The original proposal is kept beside the edit.
  await decided.getByText("What was asked, and why").click();
  await expect(decided).toContainText("Henry's proposal");
  await expect(decided).toContainText("2× Deluxe Burger");
  await expect(decided).toContainText("$25.98");

  // Henry's chat hears it without a reload: what changed, and that one burger was placed, for $12.99.
  await expect(order).toContainText("Approved");
  await expect(order).toContainText("Jane changed this order before approving it");
  const outcome = outcomeCard(henry);
  await expect(outcome).toContainText("Jane changed your order");
  await expect(outcome).toContainText("Deluxe Burger: 2 → 1");
  await expect(outcome).toContainText("1× Deluxe Burger");
  await expect(outcome).toContainText("$12.99");
  await expect(henry.getByText(/^Jane changed your order: Deluxe Burger: 2 → 1\. Your Deluxe Burger/)).toBeVisible();
  await expectNoReload();
  // The same after a reload, read from the database.
  await henry.reload();
  await expect(orderCard(henry, "Burger Bonanza")).toContainText("Jane changed this order before approving it");
});

test("a parent replaces a dish by a cheaper one from the same menu and removes another", async ({ openAs }) => {
  const henry = await openAs("henry");
  await newChat(henry);
  const words = tagged("can I get a deluxe burger and fries");
  await send(henry, words);
  const order = orderCard(henry, "Burger Bonanza");
  await expect(order).toContainText("Deluxe Burger");
  await expect(order).toContainText("Fries");
  await expect(order).toContainText("Waiting for a parent");

  const jane = await openAs("jane");
  const card = await openPendingCard(jane, BURGERS, words);
  const replace = card.getByLabel("Replace Deluxe Burger with");
  // Only cheaper dishes of Burger Bonanza are offered.
  await expect(replace.getByRole("option")).toHaveText([
    "Keep Deluxe Burger",
    "Fries ($3.49)",
    "Classic Burger ($7.99)",
  ]);
  await replace.selectOption({ label: "Classic Burger ($7.99)" });
  await card.getByRole("button", { name: "Remove Fries" }).click();
  await expect(card.getByLabel("Quantity of Fries")).toHaveValue("0");
  await decide(card, "Approve with changes");

  const decided = requestCard(decidedSection(jane), BURGERS, words);
  await expect(decided).toContainText(
    "Approved with changes: Deluxe Burger replaced by Classic Burger; Fries removed.",
  );
  await expect(decided).toContainText("$7.99");

  const outcome = outcomeCard(henry);
  await expect(outcome).toContainText("Deluxe Burger replaced by Classic Burger");
  await expect(outcome).toContainText("Fries removed");
  await expect(outcome).toContainText("1× Classic Burger");
  await expect(outcome).not.toContainText("× Fries");
  await expect(outcome).toContainText("$7.99");
});
