// Raw SQL in integration tests that runs on SQLite and PostgreSQL alike. Write identifiers double-quoted
// ("AuditEvent", "actorId": PostgreSQL folds unquoted names to lower case) and pass values with Prisma.sql,
// which numbers placeholders for each database. Only what really differs lives here.
import { Prisma } from "@/lib/generated/prisma/client";
import { providerOf } from "@/prisma/database-url.mjs";

export const onPostgres = (): boolean => providerOf(process.env.DATABASE_URL ?? "file:") === "postgresql";

/** A JSON text as the value of a Json column (jsonb on PostgreSQL, text on SQLite). */
export function jsonValue(text: string): Prisma.Sql {
  return onPostgres() ? Prisma.sql`CAST(${text} AS JSONB)` : Prisma.sql`${text}`;
}
