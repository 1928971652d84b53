import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { databaseProvider, getEnv } from "@/lib/env";

export type DatabaseHealth = { ok: true; families: number } | { ok: false; reason: string };

const migrationsDir = {
  sqlite: () => path.join(process.cwd(), "prisma", "migrations"),
  postgresql: () => path.join(process.cwd(), "prisma", "postgres", "migrations"),
} as const;

/** Readiness of the database: reachable, every migration of this build applied, the app's tables there. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  let url: string;
  try {
    url = getEnv().DATABASE_URL;
  } catch (error) {
    // The environment's message names the variable and what it should look like, over several lines.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `database: ${message.replace(/\s*\n\s*/g, " ")}` };
  }
  try {
    const pending = await pendingMigrations(url);
    if (pending.length)
      return {
        ok: false,
        reason: `database: ${pending.length} migration${pending.length === 1 ? "" : "s"} not applied: ${pending.join(", ")} (run npm run db:migrate)`,
      };
    return { ok: true, families: await db.family.count() };
  } catch (error) {
    return { ok: false, reason: `database: ${describeDatabaseError(error, url)}` };
  }
}

/** Migration folders shipped with the app that the database has not applied (none when the folder is absent). */
async function pendingMigrations(url: string): Promise<string[]> {
  const dir = migrationsDir[databaseProvider(url)]();
  // Read at run time from the deployed checkout: not a file the build should trace (it would trace everything).
  const shipped = await fs.readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true }).then(
    (entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name),
    () => [],
  );
  let applied: Array<{ migration_name: string }>;
  try {
    applied = await db.$queryRawUnsafe(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
  } catch (error) {
    // No history table at all: nothing was ever migrated. Anything else (unreachable) is reported by the caller.
    if (/_prisma_migrations/.test(lastLine(error)) && /exist|no such table/i.test(lastLine(error)))
      return shipped.sort();
    throw error;
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return shipped.filter((name) => !done.has(name)).sort();
}

/** A database error in words a person running the app can act on. */
export function describeDatabaseError(error: unknown, url: string): string {
  const text = `${lastLine(error)} ${errorCodes(error).join(" ")}`;
  if (databaseProvider(url) === "postgresql") {
    const u = new URL(url);
    const where = `${u.hostname || "localhost"}:${u.port || 5432}`;
    if (
      /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|P1001|Connection terminated|timeout exceeded when trying to connect|DatabaseNotReachable|terminating connection|Can't reach database server/i.test(
        text,
      )
    )
      return `cannot reach PostgreSQL at ${where}`;
    if (/database "[^"]*" does not exist/i.test(text))
      return `PostgreSQL at ${where} has no database "${decodeURIComponent(u.pathname.slice(1))}" (create it: createdb)`;
    if (/password authentication failed|authentication/i.test(text))
      return `PostgreSQL at ${where} refused the sign-in`;
  }
  return lastLine(error);
}

function lastLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split("\n").slice(-1)[0] ?? message;
}

/** Codes and messages nested in driver errors (Prisma wraps the pg error as its cause). */
function errorCodes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 4) return [];
  const e = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown };
  const own = [e.code, e.kind, e.message].filter((v): v is string => typeof v === "string");
  return [...own, ...errorCodes(e.cause, depth + 1)];
}
