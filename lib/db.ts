import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { SerializedSqlite } from "@/lib/database/serialized-sqlite";
import { databaseProvider, getEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const IDLE_IN_TRANSACTION_MS = 10_000;

function createClient(): PrismaClient {
  const url = getEnv().DATABASE_URL;
  if (databaseProvider(url) === "postgresql") {
    // A pool of connections: PostgreSQL isolates transactions itself. A connection that dies while idle (server
    // restarted) is dropped from the pool, which opens a new one on the next query, so the app recovers by itself.
    const adapter = new PrismaPg(
      {
        connectionString: url,
        max: Number(process.env.DATABASE_POOL_SIZE) || 10,
        connectionTimeoutMillis: 5000,
        // A server killed on a living host has its sockets closed by the kernel, and PostgreSQL rolls its
        // transactions back at once. One that froze or whose host vanished tells PostgreSQL nothing: its open
        // transaction would keep the family's lock (lib/database/family-lock.ts) until TCP keepalive noticed, hours
        // later, stalling that family on every server. PostgreSQL ends such a session after 10 s idle inside a
        // transaction: twice Prisma's 5 s limit for a whole interactive transaction, so a live one never gets there.
        idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
      },
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
