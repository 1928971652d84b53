// The driver adapter for a DATABASE_URL, for code that runs outside Next (seed, test harness). The app's own
// client (lib/db.ts) adds its SQLite serialization and pool settings on top.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { providerOf } from "./database-url.mjs";

export function adapterFor(url: string): PrismaBetterSqlite3 | PrismaPg {
  return providerOf(url) === "postgresql" ? new PrismaPg({ connectionString: url }) : new PrismaBetterSqlite3({ url });
}
