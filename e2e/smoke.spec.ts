import { expect, test } from "@playwright/test";

// Proves the pipeline: the server is up on the e2e database, and the sign-in page renders.
test("the app is healthy and offers a sign-in form", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok" });

  await page.goto("/login");
  await expect(page.getByLabel("Username or email")).toBeVisible();
});
