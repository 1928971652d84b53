// Databases that take minutes to make through the services (200 children with bcrypt'd passwords, 10,000
// requests) are kept in data/ (ignored by git) and copied for each bench while the seed and what was made stay
// the same; migrations added since are applied to the copy, as they would be to a real database. `--fresh` remakes them.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dbUrl, migrate, prepareDb, removeDb, root } from "./server";
import type { Log } from "./types";

function key(shape: unknown): string {
  const seed = fs.readFileSync(path.join(root, "prisma/seed.ts"), "utf8");
  return createHash("sha256").update(JSON.stringify({ seed, shape })).digest("hex");
}

function copyDb(from: string, to: string) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(to + suffix, { force: true });
  for (const suffix of ["", "-wal"]) if (fs.existsSync(from + suffix)) fs.copyFileSync(from + suffix, to + suffix);
}

/** A fresh copy of database `name` holding what `make` creates (run once, then cached), as a `file:` URL. */
export function cachedDb<T>(
  name: string,
  shape: unknown,
  log: Log,
  make: (url: string) => T,
): { url: string; made: T | null } {
  const url = dbUrl(name);
  const file = url.slice("file:".length);
  const cache = path.join(root, "data", `${name}-cache.db`);
  const wanted = key(shape);
  const held = fs.existsSync(`${cache}.key`) ? fs.readFileSync(`${cache}.key`, "utf8") : "";
  if (!process.argv.includes("--fresh") && fs.existsSync(cache) && held === wanted) {
    log(`  reusing ${path.relative(root, cache)} (--fresh makes it again)`);
    removeDb(url);
    copyDb(cache, file);
    migrate(url);
    return { url, made: null };
  }
  prepareDb(url);
  const made = make(url);
  copyDb(file, cache);
  fs.writeFileSync(`${cache}.key`, wanted);
  return { url, made };
}

/** The cache key of a shape, for a cache filled by hand. */
export const cacheKey = key;
