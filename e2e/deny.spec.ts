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

test("a parent denies with a note and the child hears why and what else he can have", async ({ openAs }) => {
  const henry = await openAs("henry");
  await newChat(henry);
  const words = tagged("can I have the pepperoni pizza");
  await send(henry, words);
  const order = orderCard(henry, "Pizza Palace");
  await expect(order).toContainText("Pepperoni Pizza");
  await expect(order).toContainText("Waiting for a parent");
  const expectNoReload = await markDocument(henry);

  const joe = await openAs("joe");
  const card = await openPendingCard(joe, "Henry wants to order from Pizza Palace", words);
  await decide(card, "Deny", "Not tonight, have the cheese pizza");
  await expect(joe.getByText("Denied. The child's chat has been told.").first()).toBeVisible();
  await expect(requestCard(decidedSection(joe), "Henry wants to order from Pizza Palace", words)).toContainText(
    "Denied by Joe",
  );

  await expect(order).toContainText("Denied");
  const outcome = outcomeCard(henry);
  await expect(outcome).toContainText("Joe answered");
  await expect(outcome).toContainText("Denied");
  await expect(outcome).toContainText("Not tonight, have the cheese pizza");

  // The reply offers dishes he may have without asking: each one $10.00 or less.
  const reply = henry.getByText(/Joe said no/);
  await expect(reply).toContainText("Joe said: Not tonight, have the cheese pizza.");
  await expect(reply).toContainText(/You could have .+ without asking/);
  const prices = [...((await reply.textContent()) ?? "").matchAll(/\(\$(\d+\.\d{2})\)/g)].map((m) => Number(m[1]));
  expect(prices.length).toBeGreaterThan(0);
  for (const price of prices) expect(price).toBeLessThanOrEqual(10);
  await expectNoReload();
});
