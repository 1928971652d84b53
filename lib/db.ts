import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { getEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

function createClient(): PrismaClient {
  // busy timeout: wait for another process's write instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSqlite3({ url: getEnv().DATABASE_URL, timeout: 5000 });
  return new PrismaClient({ adapter });
}

// One client per process; cached on globalThis so dev hot reloads do not open a new file handle each time.
const globalForDb = globalThis as unknown as { lunchboxDb?: PrismaClient };

export const db: PrismaClient = globalForDb.lunchboxDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.lunchboxDb = db;
