// Two instances' buses against the real PostgreSQL (TEST_POSTGRES_URL): wake-ups cross between them through
// LISTEN/NOTIFY, own echoes are skipped, and a killed LISTEN connection comes back and wakes its streams.
// No tables: LISTEN/NOTIFY needs only a database to connect to. Postgres must be up: nothing here is skipped.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { FamilyBus } from "./family-bus";

const url = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const admin = new pg.Client({ connectionString: url });
const buses: FamilyBus[] = [];
const logged: string[] = [];
const log = {
  error: (...args: unknown[]) => logged.push(args.map(String).join(" ")),
  warn: (...args: unknown[]) => logged.push(args.map(String).join(" ")),
};

function instance(name: string, connectionString = url): FamilyBus {
  const bus = new FamilyBus({ connectionString, instanceId: `${name}-${randomUUID()}`, log });
  buses.push(bus);
  // As a server's first stream or first change would.
  bus.link?.start();
  return bus;
}

/** Counts the wake-ups a bus gives one family's listener (`reset` after the catch-up wake-up of connecting). */
function counter(bus: FamilyBus, familyId: string): { count: () => number; reset: () => void } {
  let n = 0;
  bus.on(familyId, () => {
    n += 1;
  });
  return {
    count: () => n,
    reset: () => {
      n = 0;
    },
  };
}

const family = () => `family-${randomUUID()}`;
const until = (check: () => void) => vi.waitFor(check, { timeout: 15_000, interval: 20 });

async function listening(...all: FamilyBus[]): Promise<void> {
  await until(() => {
    for (const bus of all) expect(bus.link?.listening).toBe(true);
  });
}

/** pg_terminate_backend on the bus's LISTEN connection, found by its application_name; returns the old pid. */
async function killConnection(bus: FamilyBus): Promise<number> {
  const { rows } = await admin.query<{ pid: number }>(
    "SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
    [bus.link?.applicationName],
  );
  expect(rows).toHaveLength(1);
  return rows[0]?.pid ?? 0;
}

async function backendPid(bus: FamilyBus): Promise<number | undefined> {
  const { rows } = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = $1", [
    bus.link?.applicationName,
  ]);
  return rows[0]?.pid;
}

beforeAll(async () => {
  // Unreachable PostgreSQL fails here, loudly: CI starts it.
  await admin.connect();
});
afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.close()));
  logged.length = 0;
});
afterAll(async () => {
  await admin.end();
});

describe("FamilyBus on PostgreSQL", () => {
  it("a wake-up on one instance reaches the other's listener, and the sender's own echo is skipped", async () => {
    const a = instance("a");
    const b = instance("b");
    const f = family();
    const onA = counter(a, f);
    const onB = counter(b, f);
    await listening(a, b);
    onA.reset();
    onB.reset();

    a.notify(f);
    expect(onA.count()).toBe(1); // local listeners are woken at once, not via the database
    await until(() => expect(onB.count()).toBe(1));

    // PostgreSQL delivers notifications in commit order: once A hears B's later one, A has had its own echo.
    const marker = family();
    const markerOnA = counter(a, marker);
    b.notify(marker);
    await until(() => expect(markerOnA.count()).toBe(1));
    expect(onA.count()).toBe(1);
    expect(onB.count()).toBe(1);
  });

  it("other families' listeners are not woken", async () => {
    const a = instance("a");
    const b = instance("b");
    const [f, g] = [family(), family()];
    const onF = counter(b, f);
    const onG = counter(b, g);
    await listening(a, b);
    onF.reset();
    onG.reset();
    a.notify(f);
    a.notify(f);
    await until(() => expect(onF.count()).toBe(2));
    expect(onG.count()).toBe(0);
  });

  it("a terminated LISTEN connection reconnects and wakes every family with local listeners", async () => {
    const a = instance("a");
    const b = instance("b");
    const [f, g] = [family(), family()];
    const onF = counter(b, f);
    const onG = counter(b, g);
    await listening(a, b);
    const firstPid = await backendPid(b);
    const before = { f: onF.count(), g: onG.count() };

    const killed = await killConnection(b);
    expect(killed).toBe(firstPid);
    // Catch-up: nobody notified, yet every stream here is told to look at the outbox again.
    await until(() => {
      expect(onF.count()).toBeGreaterThan(before.f);
      expect(onG.count()).toBeGreaterThan(before.g);
    });
    await listening(b);
    const secondPid = await backendPid(b);
    expect(secondPid).toBeDefined();
    expect(secondPid).not.toBe(firstPid);
    expect(logged.some((line) => line.includes("LISTEN connection lost"))).toBe(true);

    // And the new connection listens: A's next wake-up arrives.
    const afterReconnect = onF.count();
    a.notify(f);
    await until(() => expect(onF.count()).toBe(afterReconnect + 1));
  });

  it("a wake-up sent while the sender's connection is down goes out once it is back", async () => {
    const a = instance("a");
    const b = instance("b");
    const f = family();
    const onB = counter(b, f);
    await listening(a, b);
    onB.reset();

    await killConnection(a);
    await until(() => expect(a.link?.listening).toBe(false));
    a.notify(f);
    await until(() => expect(onB.count()).toBe(1));
    await listening(a);
  });

  it("with PostgreSQL unreachable, notify neither throws nor stops local listeners, and errors are logged", async () => {
    // Port 1: nothing listens there, the connection is refused at once.
    const lonely = instance("lonely", "postgresql://postgres@127.0.0.1:1/test");
    const f = family();
    const local = counter(lonely, f);
    expect(() => lonely.notify(f)).not.toThrow();
    expect(local.count()).toBe(1);
    await until(() => expect(logged.some((line) => line.includes("ECONNREFUSED"))).toBe(true));
    expect(lonely.link?.listening).toBe(false);
  });
});
