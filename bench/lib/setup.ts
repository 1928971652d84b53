// Runs bench/lib/setup-cli.ts against one database and returns its JSON answer.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root } from "./server";

export function setup<T>(databaseUrl: string, task: string, input: unknown): T {
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./bench/hooks.mjs",
      path.join("bench/lib/setup-cli.ts"),
      task,
      JSON.stringify(input),
    ],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`bench setup ${task} failed:\n${result.stderr}`);
  const last = result.stdout.trim().split("\n").at(-1) ?? "null";
  return JSON.parse(last) as T;
}
