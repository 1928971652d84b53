// Installable app: the manifest, its icons, the service worker's headers, and the worker itself in Chromium
// showing a push message with Approve/Deny actions.
import { expect, test } from "./fixtures";

/** A PNG's width and height from its IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test("the web app manifest is valid and every icon it names exists at its size", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: "Lunchbox",
    short_name: "Lunchbox",
    start_url: "/inbox",
    display: "standalone",
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
  });
  const icons = manifest.icons as Array<{ src: string; sizes: string; type: string; purpose: string }>;
  expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual([
    "192x192 any",
    "512x512 any",
    "512x512 maskable",
  ]);
  for (const icon of icons) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await image.body())).toBe(icon.sizes);
  }
});

test("pages link the manifest, an apple-touch-icon and theme colours for light and dark", async ({ page, request }) => {
  await page.goto("/login");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  const apple = page.locator('link[rel="apple-touch-icon"]');
  const href = await apple.getAttribute("href");
  expect(href).toBeTruthy();
  expect(pngSize(await (await request.get(href ?? "")).body())).toBe("180x180");
  await expect(page.locator('meta[name="theme-color"][media="(prefers-color-scheme: dark)"]')).toHaveCount(1);
  await expect(page.locator('meta[name="theme-color"][media="(prefers-color-scheme: light)"]')).toHaveCount(1);
});

test("sw.js is served uncached, for the whole site", async ({ request }) => {
  const response = await request.get("/sw.js");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("javascript");
  expect(response.headers()["cache-control"]).toContain("no-cache");
  expect(response.headers()["service-worker-allowed"]).toBe("/");
  expect(await response.text()).toContain('addEventListener("push"');
});

test("the service worker registers and shows a push message with Approve and Deny", async ({ newContext }) => {
  const context = await newContext();
  await context.grantPermissions(["notifications"]);
  const page = await context.newPage();
  await page.goto("/login");
  const scriptURL = await page.evaluate(async () => {
    await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    const ready = await navigator.serviceWorker.ready;
    return ready.active?.scriptURL;
  });
  expect(scriptURL).toMatch(/\/sw\.js$/);

  // Chromium's DevTools protocol delivers a push message to the worker as a push service would.
  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const found = registrations.find((r) => r.scopeURL.endsWith("/") && !r.isDeleted);
      if (found) resolve(found.registrationId);
    });
  });
  await cdp.send("ServiceWorker.enable");
  const payload = {
    title: "Henry asks for Deluxe Burger ($12.99)",
    body: "Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes.",
    tag: "request-e2e",
    url: "/decide/open-token",
    actions: [
      { action: "approve", title: "Approve…", url: "/decide/approve-token" },
      { action: "deny", title: "Deny…", url: "/decide/deny-token" },
    ],
  };
  const origin = new URL(page.url()).origin;
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin,
    registrationId: await registrationId,
    data: JSON.stringify(payload),
  });

  await expect
    .poll(() =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return (await registration.getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          tag: n.tag,
          data: n.data,
          actions: ((n as Notification & { actions?: Array<{ action: string; title: string }> }).actions ?? []).map(
            ({ action, title }) => ({ action, title }),
          ),
        }));
      }),
    )
    .toEqual([
      {
        title: payload.title,
        body: payload.body,
        tag: payload.tag,
        data: { url: payload.url, actions: payload.actions },
        actions: [
          { action: "approve", title: "Approve…" },
          { action: "deny", title: "Deny…" },
        ],
      },
    ]);
});
