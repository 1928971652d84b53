// PostgreSQL going away and coming back while the app runs: /api/health says why it is unavailable, and the same
// process recovers without a restart (the pg pool drops dead connections and opens new ones). The database sits
// behind a TCP proxy the test cuts and restores; the shared PostgreSQL server itself never stops.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TcpProxy } from "@/lib/testing/tcp-proxy";

const target = new URL(process.env.DATABASE_URL ?? "");
const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));

beforeAll(async () => {
  await proxy.start();
  // This file's own database, reached through the proxy; lib/db.ts connects on first use, after this.
  process.env.DATABASE_URL = proxy.urlThrough(target.toString());
  // PostgreSQL is down when the app starts: cut before the first query.
  await proxy.cut();
});

afterAll(async () => {
  await proxy.cut();
  // lib/testing/int-setup.ts drops this file's database by its own URL.
});

async function health() {
  const { GET } = await import("@/app/api/health/route");
  const response = await GET();
  return { status: response.status, body: (await response.json()) as { status: string; reason?: string } };
}

/** Health until it answers 200 (a pool may hand out one connection that died with the server before noticing). */
async function healthyAgain() {
  let last = await health();
  for (let attempt = 0; attempt < 5 && last.status !== 200; attempt++) last = await health();
  return last;
}

describe("PostgreSQL down and back", () => {
  it("down at start: 503 naming the server, then 200 once it is back, in the same process", async () => {
    const down = await health();
    expect(down).toEqual({
      status: 503,
      body: { status: "unavailable", reason: `database: cannot reach PostgreSQL at 127.0.0.1:${proxy.port}` },
    });
    await proxy.start();
    expect((await healthyAgain()).status).toBe(200);
  });

  it("down mid-run: queries fail and health says why; when it is back the app's services work again", async () => {
    const { db } = await import("@/lib/db");
    const families = await db.family.count();
    expect(families).toBeGreaterThan(0);

    await proxy.cut();
    await expect(db.family.count()).rejects.toThrow();
    expect((await health()).body.reason).toBe(`database: cannot reach PostgreSQL at 127.0.0.1:${proxy.port}`);

    await proxy.start();
    expect((await healthyAgain()).status).toBe(200);
    expect(await db.family.count()).toBe(families);
  });
});
