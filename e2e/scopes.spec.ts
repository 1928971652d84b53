import {
  decide,
  decidedSection,
  expect,
  newChat,
  openPendingCard,
  orderCard,
  outcomeCard,
  requestCard,
  requestsWithWords,
  revokeDish,
  send,
  tagged,
  test,
} from "./fixtures";

// "Always this dish" lasts: start and end without Henry's Deluxe Burger grant, since specs share the database.
test.beforeEach(() => revokeDish("henry", "Deluxe Burger"));
test.afterEach(() => revokeDish("henry", "Deluxe Burger"));

test("Always this dish: Henry's next Deluxe Burger is placed without asking, another premium dish still asks", async ({
  openAs,
}) => {
  const henry = await openAs("henry");
  await newChat(henry);
  const words = tagged("I'd like the deluxe burger");
  await send(henry, words);
  await expect(orderCard(henry, "Burger Bonanza")).toContainText("Waiting for a parent");

  const jane = await openAs("jane");
  const card = await openPendingCard(jane, "Henry wants to order from Burger Bonanza", words);
  const allow = card.getByRole("group", { name: "Allow" });
  await expect(allow.getByRole("radio")).toHaveCount(2);
  await expect(allow.getByRole("radio", { name: "Once" })).toBeChecked();
  // Burger Bonanza is not restricted: "Always this restaurant" is not a choice here.
  await expect(allow.getByRole("radio", { name: "Always this restaurant" })).toHaveCount(0);
  await decide(card, "Approve", "", "Always this dish");
  await expect(requestCard(decidedSection(jane), "Henry wants to order from Burger Bonanza", words)).toContainText(
    "always allowed: this dish",
  );
  await expect(outcomeCard(henry)).toContainText("Jane answered");

  // The next Deluxe Burger goes straight through, and no parent is asked.
  await newChat(henry);
  const again = tagged("I want a deluxe burger");
  await send(henry, again);
  await expect(orderCard(henry, "Burger Bonanza")).toContainText("Order placed");

  // Another premium dish still needs a parent.
  const pizza = tagged("can I have the pepperoni pizza");
  await send(henry, pizza);
  await expect(orderCard(henry, "Pizza Palace")).toContainText("Waiting for a parent");

  expect(await requestsWithWords(again)).toBe(0);
  const pizzaCard = await openPendingCard(jane, "Henry wants to order from Pizza Palace", pizza);
  await expect(jane.getByRole("article").filter({ hasText: again })).toHaveCount(0);
  await decide(pizzaCard, "Deny");
  await expect(requestCard(decidedSection(jane), "Henry wants to order from Pizza Palace", pizza)).toBeVisible();
});
