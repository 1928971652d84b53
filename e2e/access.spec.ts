import {
  decide,
  decidedSection,
  expect,
  markDocument,
  newChat,
  openPendingCard,
  orderCard,
  pendingSection,
  requestCard,
  requestsWithWords,
  revokeAccess,
  send,
  tagged,
  test,
} from "./fixtures";

test.beforeEach(async () => {
  // "Always this restaurant" lasts; the other project's run of this test must not have decided it already.
  await revokeAccess("henry", "Sushi World");
});

test("a parent always allows a restaurant, and the child then orders from it without asking", async ({ openAs }) => {
  const henry = await openAs("henry");
  await newChat(henry);
  const words = tagged("can I order from Sushi World?");
  await send(henry, words);
  const ask = henry.getByRole("region", { name: "Permission for Sushi World" });
  await expect(ask).toContainText("Waiting for a parent");
  const expectNoReload = await markDocument(henry);

  const jane = await openAs("jane");
  const card = await openPendingCard(jane, "Henry asks to use Sushi World", words);
  await expect(card.getByRole("figure", { name: /Henry wrote/ })).toContainText(words);
  await expect(card.getByRole("radio", { name: "Once" })).toBeChecked();
  await decide(card, "Approve", "", "Always this restaurant");
  await expect(jane.getByText("Approved. The child's chat has been told.").first()).toBeVisible();
  await expect(requestCard(decidedSection(jane), "Henry asks to use Sushi World", words)).toContainText(
    "Approved by Jane",
  );

  await expect(ask).toContainText("Approved");
  await expect(henry.getByText(/Jane said yes! You can order from Sushi World/)).toBeVisible();
  await expectNoReload();

  // Now a dish there within the limit is ordered at once, and no parent is asked.
  const order = tagged("I want a california roll");
  await send(henry, order);
  await expect(orderCard(henry, "Sushi World")).toContainText("Order placed");
  await expect(orderCard(henry, "Sushi World")).toContainText("California Roll");

  expect(await requestsWithWords(order)).toBe(0);
  await jane.reload();
  await expect(jane.getByRole("heading", { name: /^Waiting for you/ })).toBeVisible();
  await expect(jane.getByRole("article").filter({ hasText: order })).toHaveCount(0);
  await expect(
    pendingSection(jane).getByRole("article", { name: "Henry wants to order from Sushi World" }),
  ).toHaveCount(0);
});
