import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests against `next start` on a separate database (data/e2e.db), rebuilt from scratch per run.
// `next build` must have run first (`npm test` does it).
// E2E_PORT lets a second checkout run its suite while another one is running.
const port = Number(process.env.E2E_PORT) || 3100;
// The specs' SQL helpers (e2e/db.ts) find the server's database by this port.
process.env.E2E_PORT = String(port);
// A run on PostgreSQL: the test servers use databases of their own on that server (e2e/database.mjs).
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
// Shared by the server (webServer inherits this environment) and the flood spec, which needs the number.
// Higher than the default 30 because every spec chats as Henry within the same few minutes.
process.env.CHAT_TURNS_PER_MINUTE ??= "120";
const baseURL = `http://127.0.0.1:${port}`;
// The local SMTP server e2e/notify/email.spec.ts starts; the e2e server's SMTP_URL points at it (e2e/serve.mjs).
process.env.E2E_SMTP_PORT ??= "2625";
// Several app instances on one PostgreSQL database (e2e/instances): only in a run on PostgreSQL, with a build for it.
const instancesOnPostgres = onPostgres || /^postgres(ql)?:\/\//.test(process.env.E2E_POSTGRES_URL ?? "");

// Playwright cannot download its browser on machines without internet access: use Debian's Chromium when it is
// there (or named), else Playwright's own browser so the suite keeps working elsewhere.
const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const launchOptions = chromiumPath
  ? {
      executablePath: chromiumPath,
      // --no-sandbox: CI runs as root; the rest keep a container's Chromium quiet and off the network.
      args: [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // Artifacts in a subfolder: Playwright empties outputDir at start, and test-results/unit.json must survive.
  outputDir: "test-results/e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // CI has 2 cores and every spec shares the one e2e database.
  workers: process.env.CI ? 1 : undefined,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: ["threats/**", "push/**", "notify/**", "instances/**"],
    },
    // notify/** (the email flow) runs here only: its one file is the only listener on E2E_SMTP_PORT, and one file
    // runs in one worker, so the port is never contested (see e2e/notify/email.spec.ts).
    {
      name: "phone",
      use: { ...devices["Pixel 7"] },
      testIgnore: ["threats/**", "push/**", "instances/**"],
    },
    // THREATS.md rows and the live-update stream, over HTTP against the production server: no browser, run once.
    {
      name: "api",
      testMatch: ["threats/**/*.spec.ts", "push/**/*.spec.ts"],
    },
    ...(instancesOnPostgres
      ? [{ name: "instances", use: { ...devices["Desktop Chrome"] }, testMatch: ["instances/**/*.spec.ts"] }]
      : []),
  ],
  webServer: {
    command: `node e2e/serve.mjs ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
