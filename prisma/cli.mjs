#!/usr/bin/env node
// Runs the Prisma CLI with a stub schema engine (the native one cannot be downloaded offline).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY:
    process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, "prisma/schema-engine-stub.sh"),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/prisma/build/index.js"), ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env,
    cwd: root,
  },
);
process.exit(result.status ?? 1);
