// A large family's trail: pages stay on the indexes and the CSV streams every row. Times are printed, not asserted.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { onPostgres } from "@/lib/testing/sql";
import { activityCsvStream } from "./export";
import { type ActivityFilter, type Cursor, PAGE_SIZE } from "./filters";
import { getActivityPage, getFamilyMembers } from "./queries";
import { createSyntheticTrail } from "./synthetic-trail";

const ROWS = 20_000;
let trail: Awaited<ReturnType<typeof createSyntheticTrail>>;
let names: Map<string, string>;

beforeAll(async () => {
  trail = await createSyntheticTrail(ROWS);
  names = new Map((await getFamilyMembers({ familyId: trail.familyId })).map((m) => [m.id, m.name]));
}, 120_000);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  console.log(`${label}: ${(performance.now() - started).toFixed(1)} ms`);
  return result;
}

function page(filter: ActivityFilter, cursor: Cursor = {}) {
  return getActivityPage({ familyId: trail.familyId, filter, cursor, names });
}

describe(`a trail of ${ROWS.toLocaleString("en-US")} rows`, () => {
  it("serves first, deep and filtered pages of 50 (times printed)", async () => {
    const first = await timed("first page", () => page({}));
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.rows[0]?.seq).toBe(ROWS);
    const deep = await timed("page at seq 1,000", () => page({}, { before: 1_000 }));
    expect(deep.rows.map((r) => r.seq)).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => 999 - i));
    const child = await timed("one child's page", () => page({ childId: trail.childIds[0] }));
    expect(child.rows.every((r) => r.childId === trail.childIds[0])).toBe(true);
    const requests = await timed("kind requests, deep", () => page({ kind: "requests" }, { before: 2_000 }));
    expect(requests.rows.every((r) => r.action.startsWith("request.") && r.seq < 2_000)).toBe(true);
    const sparse = await timed("kind grants (none in the trail)", () => page({ kind: "grants" }));
    expect(sparse.rows).toEqual([]);
    const status = await timed("status expired for a child", () =>
      page({ childId: trail.childIds[1], status: "expired" }),
    );
    expect(status.rows.every((r) => r.action === "request.expired")).toBe(true);
  });

  it("walks a kind of several actions page by page: every matching row once, in order", async () => {
    const expected = await db.auditEvent.count({
      where: { familyId: trail.familyId, action: { startsWith: "request." } },
    });
    const seen: number[] = [];
    let cursor: Cursor = {};
    for (;;) {
      const current = await page({ kind: "requests" }, cursor);
      seen.push(...current.rows.map((r) => r.seq));
      if (!current.older) break;
      cursor = current.older;
    }
    expect(seen).toHaveLength(expected);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(expected);
  });

  it.each([
    ["child", "childId", "AuditEvent_familyId_childId_seq_idx"],
    ["one action", "action", "AuditEvent_familyId_action_seq_idx"],
  ])("a page filtered by %s is read from its index", async (_name, column, index) => {
    const value = column === "childId" ? trail.childIds[0] : "request.approved";
    const query = Prisma.sql`SELECT "id" FROM "AuditEvent" WHERE "familyId" = ${trail.familyId}
      AND ${Prisma.raw(`"${column}"`)} = ${value} AND "seq" < ${1000} ORDER BY "seq" DESC LIMIT 51`;
    if (onPostgres()) {
      // The planner picks by statistics: give it current ones, as autovacuum would after a bulk insert.
      await db.$executeRaw`ANALYZE "AuditEvent"`;
      const plan = await db.$queryRaw<Array<{ "QUERY PLAN": string }>>`EXPLAIN ${query}`;
      const details = plan.map((p) => p["QUERY PLAN"]).join(" | ");
      expect(details).toContain(index);
      expect(details).not.toMatch(/\bSort\b/);
      return;
    }
    const plan = await db.$queryRaw<Array<{ detail: string }>>`EXPLAIN QUERY PLAN ${query}`;
    const details = plan.map((p) => p.detail).join(" | ");
    expect(details).toContain(index);
    expect(details).not.toContain("TEMP B-TREE");
  });

  it("streams every row as CSV (time printed)", async () => {
    const csv = await timed(`CSV of ${ROWS} rows`, () =>
      new Response(activityCsvStream({ familyId: trail.familyId, filter: {} })).text(),
    );
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(ROWS + 1);
    console.log(`CSV size: ${(csv.length / 1024 / 1024).toFixed(1)} MB`);
  });
});
