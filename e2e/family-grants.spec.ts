import { restoreRoseSushiGrant, violations } from "./family-helpers";
import { decide, expect, newChat, openPendingCard, orderCard, send, tagged, test } from "./fixtures";

test.beforeEach(() => restoreRoseSushiGrant());
// The seed's "always allow Sushi World" for Rose stands again for later specs (and the other project's run).
test.afterEach(() => restoreRoseSushiGrant());

test("a parent revokes Rose's 'always Sushi World', and her next Sushi World order waits for a parent", async ({
  openAs,
}) => {
  const jane = await openAs("jane");
  await jane.goto("/family/grants");
  const rose = jane.getByRole("region", { name: "Rose" });
  await expect(rose).toContainText("Sushi World (restricted restaurant)");
  await expect(rose).toContainText("Allowed by Joe");
  expect(await violations(jane)).toEqual([]);

  await rose.getByRole("button", { name: "Revoke Sushi World for Rose" }).click();
  const confirm = rose.getByRole("button", { name: "Yes, revoke Sushi World" });
  await expect(confirm).toBeFocused();
  await jane.keyboard.press("Enter");
  await expect(
    jane.getByText("Revoked Sushi World for Rose: they need a parent's approval again.").first(),
  ).toBeVisible();
  await expect(rose).toContainText("Nothing is always allowed for Rose.");

  const child = await openAs("rose");
  await newChat(child);
  const words = tagged("I want a california roll");
  await send(child, words);
  await expect(orderCard(child, "Sushi World")).toContainText("Waiting for a parent");

  // Leave nothing pending: a later identical order would merge into this request.
  const card = await openPendingCard(jane, "Rose wants to order from Sushi World", words);
  await expect(card).toContainText("Sushi World is a restricted restaurant");
  await decide(card, "Deny");
  await expect(orderCard(child, "Sushi World")).toContainText("Denied");
});
