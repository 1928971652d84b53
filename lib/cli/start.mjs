#!/usr/bin/env node
// `npm start`: one command from a fresh clone to a running app.
// Prisma client → migrate → seed (idempotent) → build (skipped when .next is newer than the sources) → next start.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { databaseUrl, providerOf } from "../../prisma/database-url.mjs";
import { checkDatabaseUrl } from "../../prisma/preflight.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const port = process.env.PORT || "3000";
const forceBuild = process.argv.includes("--build");
// `npm run dev`: the same preparation, then `next dev` (hot reload) instead of a build and `next start`.
const dev = process.argv.includes("--dev");

// Fail early and clearly instead of with a segfault from better-sqlite3 or a syntax error from ai@7.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  fail(`Node ${process.versions.node} is too old: Lunchbox needs Node 22.12 or newer (24 recommended).`);
}

// A server already on the port (often an earlier `npm start`) would otherwise show up as a database-locked error.
const portFree = await new Promise((resolve) => {
  const probe = net.createServer().once("error", () => resolve(false));
  probe.listen(Number(port), () => probe.close(() => resolve(true)));
});
if (!portFree)
  fail(`Port ${port} is already in use (is Lunchbox already running?). Stop it, or use PORT=3001 npm start.`);

// A wrong DATABASE_URL or a PostgreSQL server that is down: say so before generating and building anything.
const databaseProblem = await (async () => checkDatabaseUrl(databaseUrl(), { create: true }))().catch(
  (error) => error.message,
);
if (databaseProblem) fail(databaseProblem);

// Next would try to phone home at build time; there is nothing to gain from it here.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...authEnv() };

/** The executable script behind node_modules/.bin/<name>, run with this same Node (PATH may point elsewhere). */
function bin(name) {
  return fs.realpathSync(path.join(root, "node_modules/.bin", name));
}

function fail(message) {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

let stepNo = 0;
function step(title, args, hint) {
  stepNo += 1;
  console.log(`\n▶ [${stepNo}/5] ${title}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) fail(`${title} failed (exit ${result.status ?? result.signal}). ${hint}`);
  console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** AUTH_SECRET from the environment, else one kept in data/.auth-secret so sessions survive restarts. */
function authEnv() {
  if (process.env.AUTH_SECRET) return { AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true" };
  const file = path.join(root, "data", ".auth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": never overwrite a secret another start wrote meanwhile; 0600: it signs every session.
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    console.log(`Created a random AUTH_SECRET in ${path.relative(root, file)}.`);
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
  }
  return { AUTH_SECRET: fs.readFileSync(file, "utf8").trim(), AUTH_TRUST_HOST: "true" };
}

/** Newest modification time among the files the build reads (tests, generated code and this CLI excluded). */
function newestSource() {
  const skip = new Set(["lib/generated", "lib/cli"].map((p) => path.join(root, p)));
  let newest = 0;
  const visit = (file) => {
    if (skip.has(file) || /\.test\.tsx?$/.test(file)) return;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const dir of ["app", "components", "lib", "prisma", "public"]) visit(path.join(root, dir));
  for (const entry of fs.readdirSync(root)) {
    if (/\.(ts|tsx|mjs|js|json)$/.test(entry) && entry !== "next-env.d.ts") visit(path.join(root, entry));
  }
  return newest;
}

// The Prisma client compiled into a build is made for one database provider: a build for the other is not current.
const providerStamp = path.join(root, ".next/lunchbox-database-provider");
const provider = providerOf(databaseUrl());

function buildIsCurrent() {
  const stat = fs.statSync(path.join(root, ".next/BUILD_ID"), { throwIfNoEntry: false });
  const builtFor = fs.existsSync(providerStamp) ? fs.readFileSync(providerStamp, "utf8") : "sqlite";
  return Boolean(stat) && stat.mtimeMs > newestSource() && builtFor === provider;
}

const hint = "See the output above.";
step("Generate the Prisma client", [path.join(root, "prisma/cli.mjs"), "generate"], hint);
step(
  "Apply database migrations",
  [path.join(root, "prisma/migrate.mjs"), "deploy"],
  process.env.DATABASE_URL
    ? hint
    : "If data/lunchbox.db comes from an older or broken schema, delete it (it holds only demo data) and start again.",
);
step("Seed the demo family (only into an empty database)", [bin("tsx"), path.join(root, "prisma/seed.ts")], hint);
if (dev) {
  stepNo += 1;
  console.log(`\n▶ [${stepNo}/5] Build: not needed for next dev`);
} else if (!forceBuild && buildIsCurrent()) {
  stepNo += 1;
  console.log(
    `\n▶ [${stepNo}/5] Build: .next is newer than every source file, reusing it (npm start -- --build forces one)`,
  );
} else {
  step("Build the app (next build)", [bin("next"), "build"], "Fix the build error above, then run npm start again.");
  fs.writeFileSync(providerStamp, provider);
}

console.log(`\n▶ [5/5] Serve on port ${port}${dev ? " in development mode" : ""} (Ctrl+C stops it)`);
const server = spawn(process.execPath, [bin("next"), dev ? "dev" : "start", "-p", port], {
  cwd: root,
  env,
  stdio: "inherit",
});

// Forward stop signals so `next start` shuts down cleanly; a requested stop is a success, not an error.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    server.kill(signal);
  });
}
server.on("exit", (code, signal) => {
  if (stopping) process.exit(0);
  console.error(`\n✗ next start stopped (${code ?? signal}). See its error above.`);
  process.exit(code || 1);
});

// Print where to go only once the app really answers (health checks the database too).
const url = `http://localhost:${port}`;
let ready = false;
for (let i = 0; i < 240 && !ready && server.exitCode === null; i++) {
  ready = await fetch(`${url}/api/health`).then(
    (res) => res.ok,
    () => false,
  );
  if (ready) {
    const password = process.env.SEED_PASSWORD ? "the SEED_PASSWORD you set" : "lunchbox";
    console.log(`
✓ Lunchbox is running at ${url}

  Demo sign-ins (password: ${password}):
    parents   joe@example.com, jane@example.com
    children  henry, rose
`);
  } else await new Promise((resolve) => setTimeout(resolve, 250));
}
if (!ready && server.exitCode === null) console.error(`\n! ${url}/api/health has not answered 200 after 60 s.`);
