import { uniqueWord, violations } from "./family-helpers";
import { expect, HOME, test } from "./fixtures";

test("a parent adds a child who signs in; removed, the child's next message says they are signed out", async ({
  openAs,
  newContext,
}) => {
  const word = uniqueWord();
  const name = `Kid ${word}`;
  const username = `kid.${word}`;
  const jane = await openAs("jane");
  await jane.goto("/family/children");
  const form = jane.getByRole("form", { name: "Add a child" });

  // A username that is taken, and a PIN too short: both fields say why, and the name stays.
  await form.getByLabel("Child's name").fill(name);
  await form.getByLabel("Username").fill("henry");
  await form.getByLabel("Password or PIN").fill("12");
  await form.getByRole("button", { name: "Add child" }).click();
  await expect(form.getByLabel("Username")).toHaveAccessibleDescription(/The username henry is taken/);
  await expect(form.getByLabel("Password or PIN")).toHaveAccessibleDescription(/A PIN has 4 to 8 digits/);
  await expect(form.getByLabel("Child's name")).toHaveValue(name);
  expect(await violations(jane)).toEqual([]);

  await form.getByLabel("Username").fill(username);
  await form.getByLabel("Password or PIN").fill("4321");
  await form.getByRole("button", { name: "Add child" }).click();
  await expect(jane.getByText(`Added ${name}. They can sign in now.`).first()).toBeVisible();
  const card = jane.getByRole("article", { name });
  await expect(card).toContainText(username);

  const child = await (await newContext()).newPage();
  await child.goto("/login");
  await child.getByLabel("Username or email").fill(username);
  await child.getByLabel("Password").fill("4321");
  await child.getByRole("button", { name: "Sign in" }).click();
  await expect(child).toHaveURL(HOME.CHILD);
  await child.goto("/chat/new");
  await expect(child.getByRole("heading", { name: "What would you like to eat?" })).toBeVisible();

  await card.getByRole("button", { name: `Remove ${name}` }).click();
  await card.getByRole("button", { name: `Yes, remove ${name}` }).click();
  await expect(jane.getByText(`Removed ${name}: they can no longer sign in.`).first()).toBeVisible();
  await expect(jane.getByRole("article", { name })).toHaveCount(0);

  // The open chat page still shows; the next message is refused by the server.
  const input = child.getByLabel("Message");
  await input.fill("hello");
  await child.getByRole("button", { name: "Send" }).click();
  await expect(
    child.getByRole("alert").filter({ hasText: "You're signed out. Ask a parent to help you sign in again." }),
  ).toBeVisible();
  await expect(input).toHaveValue("hello");

  // Signing in again fails, and the username is free for a new child.
  await child.goto("/login");
  await expect(child).toHaveURL(/\/login/);
  await child.getByLabel("Username or email").fill(username);
  await child.getByLabel("Password").fill("4321");
  await child.getByRole("button", { name: "Sign in" }).click();
  await expect(child).toHaveURL(/\/login/);
});
