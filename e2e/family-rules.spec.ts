import { restorePremiumLimit, violations } from "./family-helpers";
import { expect, newChat, orderCard, send, tagged, test } from "./fixtures";

test.afterEach(async () => {
  // Later specs expect the seed's $10.00 limit (the Deluxe Burger at $12.99 needs a parent).
  await restorePremiumLimit();
});

test("a parent raises the premium limit to $15, and Henry's next Deluxe Burger is placed without asking", async ({
  openAs,
}) => {
  const jane = await openAs("jane");
  await jane.goto("/family/rules");
  await expect(jane.getByRole("heading", { name: "Rules" })).toBeVisible();
  const limit = jane.getByLabel("Premium dish limit ($)");
  await expect(limit).toHaveValue("10.00");
  expect(await violations(jane)).toEqual([]);

  // Bad input first: a clear message on the field, and the rest of the form as typed.
  await limit.fill("-15");
  await jane.getByLabel("Daily budget for Henry ($)").fill("20");
  await jane.getByLabel("Weekly budget for Henry ($)").fill("5");
  await jane.getByRole("button", { name: "Save rules" }).click();
  await expect(limit).toHaveAttribute("aria-invalid", "true");
  await expect(limit).toHaveAccessibleDescription(/cannot be negative/);
  await expect(jane.getByLabel("Weekly budget for Henry ($)")).toHaveAccessibleDescription(
    /cannot be smaller than the daily budget/,
  );
  await expect(limit).toHaveValue("-15");
  expect(await violations(jane)).toEqual([]);

  await limit.fill("15.00");
  await jane.getByLabel("Daily budget for Henry ($)").fill("");
  await jane.getByLabel("Weekly budget for Henry ($)").fill("");
  await jane.getByRole("button", { name: "Save rules" }).click();
  await expect(jane.getByText(/Saved as version \d+: Premium dish limit: \$10\.00 → \$15\.00\./).first()).toBeVisible();
  await expect(jane.getByText(/Version \d+, set by Jane/)).toBeVisible();
  await expect(jane.getByLabel("Premium dish limit ($)")).toHaveValue("15.00");

  const henry = await openAs("henry");
  await newChat(henry);
  await send(henry, tagged("I'd like the deluxe burger"));
  await expect(orderCard(henry, "Burger Bonanza")).toContainText("Order placed");
  await expect(orderCard(henry, "Burger Bonanza")).toContainText("Deluxe Burger");

  // Back to $10.00 through the page, as a parent would.
  await jane.getByLabel("Premium dish limit ($)").fill("10");
  await jane.getByRole("button", { name: "Save rules" }).click();
  await expect(jane.getByText(/Premium dish limit: \$15\.00 → \$10\.00/).first()).toBeVisible();

  // Saving again with no change writes nothing, and says so.
  await jane.getByRole("button", { name: "Save rules" }).click();
  await expect(jane.getByText("Nothing to save: the rules are unchanged.").first()).toBeVisible();
});
