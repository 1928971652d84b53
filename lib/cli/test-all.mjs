#!/usr/bin/env node
// `npm test`: every check, in order: lint, typecheck, the PostgreSQL twin check, then on SQLite unit + integration
// tests, build, end-to-end tests, and again on PostgreSQL (when reachable; always under CI=true) the integration
// tests, build and end-to-end tests (unit tests touch no database and run once).
// Keeps going after a failure so the summary is complete; the last line is always `N passed, N failed`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkDatabaseUrl } from "../../prisma/preflight.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const reports = path.join(root, "test-results");
const sqliteEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
delete sqliteEnv.DATABASE_URL; // the SQLite pass uses the embedded default (tests make their own files)
// The PostgreSQL pass: tests create (and drop) their own databases on this server.
const postgresUrl =
  process.env.TEST_POSTGRES_URL ||
  (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL : undefined) ||
  "postgresql://postgres@127.0.0.1:5432/test";
const postgresEnv = { ...sqliteEnv, DATABASE_URL: postgresUrl };
let env = sqliteEnv;
const stages = [];

/** Runs node_modules/.bin/<name> (or a script path) with this same Node, as PATH may hold an older one. */
function run(name, args) {
  const script = name.includes("/") ? name : fs.realpathSync(path.join(root, "node_modules/.bin", name));
  console.log(`\n$ ${path.basename(name)} ${args.join(" ")}`);
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, env, stdio: "inherit" });
  return result.status ?? 1;
}

function readReport(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Runs one stage; `body` returns { passed, failed, skipped?, note? }. A crash counts as 1 failed. */
function stage(name, body) {
  console.log(`\n━━━ ${name} ━━━`);
  const started = Date.now();
  let counts;
  try {
    counts = body();
  } catch (error) {
    counts = { passed: 0, failed: 1, note: `crashed: ${error.message}` };
  }
  stages.push({ name, skipped: 0, ...counts, seconds: (Date.now() - started) / 1000 });
  const took = `${((Date.now() - started) / 1000).toFixed(1)}s`;
  console.log(
    `━━━ ${name}: ${counts.failed ? "FAIL" : "ok"}, ${counts.passed} passed, ${counts.failed} failed, ${took}`,
  );
  return counts.failed === 0;
}

/** Lint, typecheck and build are one check each. */
const check = (ok, note) => (ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1, note });

/** Vitest with a JSON report; `args` picks the projects. */
function vitest(args, reportName) {
  const file = path.join(reports, reportName);
  fs.rmSync(file, { force: true }); // never count a previous run's report
  const code = run("vitest", ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile=${file}`]);
  const report = readReport(file);
  if (!report) return { passed: 0, failed: 1, note: `vitest exited ${code} without a report` };
  const counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  // Errors outside any test (e.g. a file that does not import) fail the run without failing a test.
  if (code !== 0 && counts.failed === 0) return { ...counts, failed: 1, note: `vitest exited ${code}` };
  return counts;
}

/** The Prisma client for the current pass's database, then `next build`; the build remembers its provider. */
function build(provider) {
  if (run("prisma/cli.mjs", ["generate"]) !== 0) return check(false, "prisma generate failed");
  const ok = run("next", ["build"]) === 0;
  // lib/cli/start.mjs rebuilds when the last build was for the other database.
  if (ok) fs.writeFileSync(path.join(root, ".next/lunchbox-database-provider"), provider);
  return check(ok, "next build failed");
}

function e2e(built) {
  // Without a fresh build, `next start` would test stale code (or nothing): count it as failed, do not run it.
  if (!built) return { passed: 0, failed: 1, note: "not run: the build failed" };
  const file = path.join(reports, "e2e.json");
  fs.rmSync(file, { force: true });
  const code = run("playwright", ["test"]);
  const report = readReport(file);
  if (!report?.stats) return { passed: 0, failed: 1, note: `playwright exited ${code} without a report` };
  const { expected, unexpected, flaky, skipped } = report.stats;
  // Flaky tests passed on retry: they count as passed but are named so nobody forgets them.
  const flakyNames = [];
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) if (t.status === "flaky") flakyNames.push(`${spec.title} [${t.projectName}]`);
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  const counts = { passed: expected + flaky, failed: unexpected, skipped };
  if (flakyNames.length) counts.note = `flaky: ${flakyNames.join(", ")}`;
  // A web server that never came up, or a broken config, fails the run with no test failed.
  if (code !== 0 && unexpected === 0) {
    const error = report.errors?.[0]?.message?.split("\n")[0];
    return { ...counts, failed: 1, note: error ?? `playwright exited ${code}` };
  }
  return counts;
}

fs.mkdirSync(reports, { recursive: true });

stage("lint", () => check(run("biome", ["check", "."]) === 0, "biome check reported problems"));

stage("typecheck", () => {
  // The Prisma client and Next's route types are generated code that tsc must see first.
  if (run("prisma/cli.mjs", ["generate"]) !== 0) return check(false, "prisma generate failed");
  if (run("next", ["typegen"]) !== 0) return check(false, "next typegen failed");
  return check(run("tsc", ["--noEmit"]) === 0, "tsc reported errors");
});

// PostgreSQL is optional on a developer's machine, required in CI.
const postgresProblem = await checkDatabaseUrl(postgresUrl);
const withPostgres = !postgresProblem || process.env.CI === "true";
if (postgresProblem) console.log(`\nPostgreSQL: ${postgresProblem}${withPostgres ? "" : " Its pass is left out."}`);

stage("pg twin", () => {
  if (postgresProblem) return { passed: 0, failed: withPostgres ? 1 : 0, note: `not run: ${postgresProblem}` };
  env = postgresEnv;
  try {
    return check(run("prisma/twin.mjs", ["--check"]) === 0, "the PostgreSQL twin is stale: npm run db:twin");
  } finally {
    env = sqliteEnv;
  }
});

// ---- SQLite (the embedded default) ----
stage("sqlite unit+int", () => vitest([], "unit.json"));
const sqliteBuilt = stage("sqlite build", () => build("sqlite"));
stage("sqlite e2e", () => e2e(sqliteBuilt));

// ---- PostgreSQL ----
if (withPostgres) {
  env = postgresEnv;
  const down = () => ({ passed: 0, failed: 1, note: `not run: ${postgresProblem}` });
  stage("pg int", () => {
    if (postgresProblem) return down();
    if (run("prisma/cli.mjs", ["generate"]) !== 0) return check(false, "prisma generate failed");
    return vitest(["--project", "int"], "int-postgres.json");
  });
  const pgBuilt = stage("pg build", () => (postgresProblem ? down() : build("postgresql")));
  stage("pg e2e", () => (postgresProblem ? down() : e2e(pgBuilt)));
  // Leave the checkout as it was: the client for the embedded SQLite default.
  env = sqliteEnv;
  run("prisma/cli.mjs", ["generate"]);
}

// Summary: one row per stage, then the totals alone on the last line (CI parses it).
const row = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(16) : String(c).padStart(8))).join("");
console.log(`\n${row(["stage", "result", "passed", "failed", "skipped", "time"])}`);
for (const s of stages) {
  const cells = [s.name, s.failed ? "FAIL" : "ok", s.passed, s.failed, s.skipped, `${s.seconds.toFixed(1)}s`];
  console.log(`${row(cells)}${s.note ? `   ${s.note}` : ""}`);
}
const total = (key) => stages.reduce((sum, s) => sum + s[key], 0);
const [passed, failed, skipped] = [total("passed"), total("failed"), total("skipped")];
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exitCode = failed ? 1 : 0;
