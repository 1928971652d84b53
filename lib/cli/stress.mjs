#!/usr/bin/env node
// `npm run test:stress`: the threat tests of lib/threats and e2e/threats with LUNCHBOX_STRESS=1, which raises
// their rounds (e.g. 200 × 50 parallel approvals, 2,000 fuzzed tool calls, 100+ injected crashes). Builds first,
// as the HTTP specs run against `next start`. Prints each test's figure lines ([threat N] …) as it goes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const env = { ...process.env, LUNCHBOX_STRESS: "1", NEXT_TELEMETRY_DISABLED: "1" };

function run(name, args) {
  const script = fs.realpathSync(path.join(root, "node_modules/.bin", name));
  console.log(`\n$ ${name} ${args.join(" ")}`);
  return spawnSync(process.execPath, [script, ...args], { cwd: root, env, stdio: "inherit" }).status ?? 1;
}

const started = Date.now();
const results = {
  build: run("next", ["build"]),
  "lib/threats (vitest)": run("vitest", ["run", "--project", "int", "lib/threats"]),
  "e2e/threats (playwright)": run("playwright", ["test", "--project=api"]),
};
console.log(`\nstress run, ${Math.round((Date.now() - started) / 1000)} s:`);
for (const [name, code] of Object.entries(results)) console.log(`  ${code === 0 ? "ok  " : "FAIL"} ${name}`);
process.exitCode = Object.values(results).some((code) => code !== 0) ? 1 : 0;
