#!/usr/bin/env node
// Playwright's webServer: a fresh e2e database (migrated + seeded), then `next start` on it. The database is
// data/e2e.db, or with a PostgreSQL DATABASE_URL the database lunchbox_e2e_<port> on that server (e2e/database.mjs).
// Usage: node e2e/serve.mjs [port]   (expects an existing `next build` for the same database provider)
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { emptyTestDatabase, testDatabaseUrl } from "./database.mjs";
import { E2E_AUTH_SECRET } from "./e2e-env.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.argv[2] || "3100";
const databaseUrl = testDatabaseUrl("e2e", port);
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: E2E_AUTH_SECRET,
  AUTH_TRUST_HOST: "true",
  OFFLINE_MODEL_DELAY_MS: "5",
  // Look for expired requests every second, so the expiry spec does not wait long.
  EXPIRY_SWEEP_SECONDS: "1",
  // A heartbeat every second, so the push spec sees several without waiting long.
  SSE_HEARTBEAT_SECONDS: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  // Notifications: the SMTP server e2e/notify starts (playwright.config.ts sets the port), links to this server,
  // and a poll every second as a back-up to the wake-up after each request.
  SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT || "2625"}`,
  APP_URL: `http://127.0.0.1:${port}`,
  NOTIFY_POLL_SECONDS: "1",
};
const bin = (name) => fs.realpathSync(path.join(root, "node_modules/.bin", name));

await emptyTestDatabase(databaseUrl);
for (const args of [
  [path.join(root, "prisma/migrate.mjs"), "deploy"],
  [bin("tsx"), path.join(root, "prisma/seed.ts")],
]) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`e2e/serve.mjs: ${path.basename(args[0])} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

const server = spawn(process.execPath, [bin("next"), "start", "-p", port, "-H", "127.0.0.1"], {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 1));
