import { archiveDish, uniqueWord, violations } from "./family-helpers";
import { expect, newChat, send, tagged, test } from "./fixtures";

const added: string[] = [];
test.afterEach(async () => {
  for (const name of added.splice(0)) await archiveDish(name);
});

test("a dish with a bad price gets a field error; fixed, it shows on the child's menu; then it is removed", async ({
  openAs,
}) => {
  const dish = `Calzone ${uniqueWord()}`;
  added.push(dish);
  const jane = await openAs("jane");
  await jane.goto("/family");
  await jane
    .getByRole("link", { name: /Restaurants/ })
    .first()
    .click();
  await jane.getByRole("link", { name: "Pizza Palace" }).click();
  await expect(jane.getByRole("heading", { level: 1, name: "Pizza Palace" })).toBeVisible();
  expect(await violations(jane)).toEqual([]);

  const addForm = jane.getByRole("form", { name: "Add a dish" });
  await addForm.getByLabel("Dish name").fill(dish);
  await addForm.getByLabel("Price ($)").fill("-7.25");
  await addForm.getByRole("button", { name: "Add dish" }).click();
  const price = addForm.getByLabel("Price ($)");
  await expect(price).toHaveAttribute("aria-invalid", "true");
  await expect(price).toHaveAccessibleDescription(/The amount cannot be negative\./);
  await expect(addForm.getByLabel("Dish name")).toHaveValue(dish);

  await price.fill("7.254");
  await addForm.getByRole("button", { name: "Add dish" }).click();
  await expect(price).toHaveAccessibleDescription(/at most 2 decimals/);

  await price.fill("7.25");
  await addForm.getByRole("button", { name: "Add dish" }).click();
  await expect(jane.getByText(`Added ${dish}.`).first()).toBeVisible();
  await expect(addForm.getByLabel("Dish name")).toHaveValue("");
  await expect(jane.getByLabel(`Price ($) of ${dish}`)).toHaveValue("7.25");

  // The same name again is refused, whatever the letter case.
  await addForm.getByLabel("Dish name").fill(dish.toUpperCase());
  await addForm.getByLabel("Price ($)").fill("3");
  await addForm.getByRole("button", { name: "Add dish" }).click();
  await expect(addForm.getByLabel("Dish name")).toHaveAccessibleDescription(/already has a dish called/);
  expect(await violations(jane)).toEqual([]);

  const henry = await openAs("henry");
  await newChat(henry);
  await send(henry, tagged("what's on the menu at Pizza Palace?"));
  const menu = henry.getByRole("region", { name: "Menu of Pizza Palace" });
  await expect(menu).toContainText(dish);
  await expect(menu).toContainText("$7.25");

  // Removing asks first; then the dish is gone from the page.
  await jane.getByRole("button", { name: `Remove ${dish}` }).click();
  await jane.getByRole("button", { name: `Yes, remove ${dish}` }).click();
  await expect(jane.getByText(`Removed ${dish}.`).first()).toBeVisible();
  await expect(jane.getByLabel(`Price ($) of ${dish}`)).toHaveCount(0);
});
