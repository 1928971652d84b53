import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { SerializedSqlite } from "@/lib/database/serialized-sqlite";
import { databaseProvider, getEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

function createClient(): PrismaClient {
  const url = getEnv().DATABASE_URL;
  if (databaseProvider(url) === "postgresql") {
    // A pool of connections: PostgreSQL isolates transactions itself. A connection that dies while idle (server
    // restarted) is dropped from the pool, which opens a new one on the next query, so the app recovers by itself.
    const adapter = new PrismaPg(
      { connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE) || 10, connectionTimeoutMillis: 5000 },
      { onPoolError: (error) => console.error(`database: idle PostgreSQL connection lost (${error.message})`) },
    );
    return new PrismaClient({ adapter });
  }
  // busy timeout: wait for another process's write instead of failing with SQLITE_BUSY.
  return new PrismaClient({ adapter: new SerializedSqlite({ url, timeout: 5000 }) });
}

// One client per process; cached on globalThis so dev hot reloads do not open new connections each time.
const globalForDb = globalThis as unknown as { lunchboxDb?: PrismaClient };

function client(): PrismaClient {
  if (!globalForDb.lunchboxDb) globalForDb.lunchboxDb = createClient();
  return globalForDb.lunchboxDb;
}

/**
 * Made on first use, not at import: a wrong DATABASE_URL then fails each query with its reason (and /api/health
 * says it) instead of failing every module that imports this one.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_, key) {
    const target = client();
    const value = Reflect.get(target, key, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});
