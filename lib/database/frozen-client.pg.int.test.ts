// An app server that stops answering in the middle of a transaction without its connection being closed (its host
// lost power, the network split): PostgreSQL must end that session itself, roll its transaction back and free the
// family's lock, or every other server would wait on that family until TCP keepalive noticed, hours later.
// A kill -9 on a living host is the easy case (the kernel closes the socket at once): e2e/threats/crash.spec.ts.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TcpProxy } from "@/lib/testing/tcp-proxy";

const target = process.env.DATABASE_URL ?? "";
const proxy = new TcpProxy(new URL(target).hostname, Number(new URL(target).port || 5432));

beforeAll(async () => {
  await proxy.start();
  // The app's client reaches this file's database through the proxy; lib/db.ts connects on first use, after this.
  process.env.DATABASE_URL = proxy.urlThrough(target);
});

afterAll(async () => {
  // Closes the frozen connection, so the app's pool can end (lib/testing/int-setup.ts disconnects and drops).
  await proxy.cut();
});

describe("an app server frozen mid-transaction", () => {
  it("loses its session: the transaction rolls back and the family's lock passes to the next server", async () => {
    const { db } = await import("@/lib/db");
    const { lockFamily } = await import("@/lib/database/family-lock");
    const family = await db.family.findFirstOrThrow({ select: { id: true, name: true } });

    let holding: (pid: number) => void = () => {};
    const held = new Promise<number>((resolve) => {
      holding = resolve;
    });
    // Never settles by itself while frozen (not even Prisma's own rollback gets through); cut() ends it.
    void db
      .$transaction(async (tx) => {
        await lockFamily(tx, family.id);
        await tx.family.update({ where: { id: family.id }, data: { name: "written by the frozen server" } });
        const [backend] = await tx.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`;
        if (backend) holding(backend.pid);
        await new Promise(() => {});
      })
      .catch(() => {});
    const frozenPid = await held;
    proxy.freeze();

    // Another server (a direct connection) asks for the same family's lock, as every transaction of it does.
    const other = new pg.Client({ connectionString: target });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT pg_advisory_xact_lock(hashtext($1))", [family.id]);
      const session = await other.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [frozenPid]);
      const row = await other.query(`SELECT "name" FROM "Family" WHERE "id" = $1`, [family.id]);
      await other.query("ROLLBACK");
      expect(session.rowCount, "the frozen server's session is gone").toBe(0);
      expect(row.rows[0]?.name, "its transaction rolled back").toBe(family.name);
    } finally {
      await other.end();
    }
  });
});
