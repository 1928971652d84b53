import { expect, HOME, signIn, test } from "./fixtures";

test("a wrong password shows an alert and stays on the sign-in page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill("henry");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // (Next.js keeps an empty alert of its own for route announcements: look for ours by its words.)
  await expect(page.getByRole("alert").filter({ hasText: "That username or password is not right" })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("Username or email")).toHaveValue("henry");
});

test("a child who opens the inbox is sent to his chat", async ({ page }) => {
  await signIn(page, "henry");
  await page.goto("/inbox");
  await expect(page).toHaveURL(HOME.CHILD);
  await expect(page.getByLabel("Message")).toBeVisible();
});

test("a parent who opens the chat is sent to the inbox", async ({ page }) => {
  await signIn(page, "jane");
  await page.goto("/chat");
  await expect(page).toHaveURL(HOME.PARENT);
  await expect(page.getByRole("heading", { name: /^Waiting for you/ })).toBeVisible();
});

test("someone signed out who opens the chat is sent to sign in", async ({ page }) => {
  await page.goto("/chat");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("after 10 wrong passwords an account's sign-in pauses, with a clear message", async ({ page }) => {
  // An unknown account is limited the same way as a real one, so the message reveals nothing.
  const identifier = `nobody-${Date.now().toString(36)}@example.com`;
  await page.goto("/login");
  const signInButton = page.getByRole("button", { name: "Sign in" });
  // Each attempt waits for the previous one to finish: React resets the form when an action completes, which
  // would otherwise clear fields typed while it was pending and silently drop an attempt.
  const attempt = async () => {
    await expect(signInButton).toBeEnabled();
    await page.getByLabel("Username or email").fill(identifier);
    await page.getByLabel("Password").fill("guess");
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/login")),
      signInButton.click(),
    ]);
  };
  for (let i = 1; i <= 10; i++) {
    await attempt();
    await expect(page.getByRole("alert").filter({ hasText: "That username or password is not right" })).toBeVisible();
  }
  await attempt();
  await expect(page.getByRole("alert").filter({ hasText: "Too many wrong passwords" })).toBeVisible();
});
