// The inbox and the confirm screen of a decision link, on the project's device, in light and dark mode: primary
// buttons a thumb can hit (44 px at least) and no WCAG A/AA violations (axe-core) in either colour scheme.
import type { Locator } from "@playwright/test";
import { violations } from "./axe";
import { decisionLinkPath } from "./decision-link";
import { expect, newChat, openPendingCard, orderCard, PASSWORD, send, tagged, test } from "./fixtures";

async function expectTouchTarget(button: Locator) {
  const box = await button.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
}

// Four axe-core runs and two browsers: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

test("inbox and confirm screen: 44 px buttons, no axe violations in light and dark", async ({ openAs, newContext }) => {
  const henry = await openAs("henry");
  await newChat(henry);
  const words = tagged("I'd like two pepperoni pizzas");
  await send(henry, words);
  await expect(orderCard(henry, "Pizza Palace")).toContainText("Waiting for a parent");

  const jane = await openAs("jane");
  const card = await openPendingCard(jane, "Henry wants to order from Pizza Palace", words);
  const link = await (await newContext()).newPage();
  await link.goto(await decisionLinkPath(words, "jane", "open"));
  await expect(link.getByRole("heading", { name: "Henry's order from Pizza Palace" })).toBeVisible();

  const backgrounds: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await jane.emulateMedia({ colorScheme });
    for (const name of ["Approve", "Deny"]) await expectTouchTarget(card.getByRole("button", { name, exact: true }));
    expect(await violations(jane), `inbox, ${colorScheme}`).toEqual([]);

    await link.emulateMedia({ colorScheme });
    for (const name of ["Approve", "Deny"]) await expectTouchTarget(link.getByRole("button", { name, exact: true }));
    await expectTouchTarget(link.getByLabel("Jane's password"));
    expect(await violations(link), `confirm screen, ${colorScheme}`).toEqual([]);
    backgrounds.push(await link.evaluate(() => getComputedStyle(document.body).backgroundColor));
  }
  // The page really follows the scheme (dark: variants apply), so the dark run checked dark colours.
  expect(backgrounds[0]).not.toBe(backgrounds[1]);

  // Leave nothing pending; the open link decides what is picked.
  await link.getByLabel("Jane's password").fill(PASSWORD);
  await link.getByRole("button", { name: "Deny", exact: true }).click();
  await expect(link.getByRole("status")).toHaveText("Denied. The child's chat has been told.");
  await expect(card.getByRole("button", { name: "Deny", exact: true })).toHaveCount(0);
});
