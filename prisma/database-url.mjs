// The embedded default database, shared by the scripts that run outside Next (migrate, seed, start).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** DATABASE_URL, or the SQLite file data/lunchbox.db; makes sure the file's folder exists. */
export function databaseUrl() {
  const url = process.env.DATABASE_URL || `file:${path.join(projectRoot, "data", "lunchbox.db")}`;
  if (url.startsWith("file:")) fs.mkdirSync(path.dirname(path.resolve(url.slice(5))), { recursive: true });
  return url;
}
