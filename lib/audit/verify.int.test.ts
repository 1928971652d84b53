// The audit trail's hash chain, against rows written by the real services and then tampered with by SQL.
import { beforeAll, describe, expect, it } from "vitest";
import { createSyntheticTrail } from "@/lib/activity/synthetic-trail";
import { decideRequest } from "@/lib/approvals/decide";
import { submitAccessRequest } from "@/lib/approvals/request-access";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { jsonValue } from "@/lib/testing/sql";
import { verifyAuditChain } from "./verify";

let f: Families;

/** Some of everything: direct orders, requests, an approval, a denial, a grant, in parallel where it can be. */
async function activity() {
  const henry = await newChatContext(f.a.henry);
  const rose = await newChatContext(f.a.rose);
  const item = (name: string, quantity = 1) => {
    const dish = f.a.dish(name);
    return { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity }] };
  };
  const results = await Promise.all([
    submitOrder(henry, item("Cheese Pizza"), toolCallId()),
    submitOrder(henry, item("Deluxe Burger"), toolCallId()),
    submitOrder(rose, item("California Roll", 2), toolCallId()),
    submitOrder(rose, item("Pepperoni Pizza"), toolCallId()),
    submitAccessRequest(henry, f.a.restaurant("Fancy French").id, toolCallId()),
  ]);
  const pending = results.flatMap((r) => (r.status === "pending" ? [r.requestId] : []));
  expect(pending).toHaveLength(3);
  await Promise.all([
    decideRequest({ actor: f.a.jane, requestId: pending[0] ?? "", decision: "APPROVE" }),
    decideRequest({ actor: f.a.joe, requestId: pending[0] ?? "", decision: "APPROVE" }),
    decideRequest({ actor: f.a.joe, requestId: pending[1] ?? "", decision: "DENY", note: "Not today" }),
    decideRequest({ actor: f.a.jane, requestId: pending[2] ?? "", decision: "APPROVE", scope: "ALWAYS_RESTAURANT" }),
  ]);
}

beforeAll(async () => {
  f = await loadFamilies();
  await activity();
  // Family B's own chain, to show tampering in A leaves B's verdict alone.
  const dana = await newChatContext(f.b.dana);
  const burrito = f.b.dish("Steak Burrito");
  const pending = await submitOrder(
    dana,
    { restaurantId: burrito.restaurantId, items: [{ dishId: burrito.id, quantity: 1 }] },
    toolCallId(),
  );
  if (pending.status !== "pending") throw new Error("expected pending");
  await decideRequest({ actor: f.b.quinn, requestId: pending.requestId, decision: "APPROVE" });
});

async function rowAt(seq: number) {
  return db.auditEvent.findUniqueOrThrow({ where: { familyId_seq: { familyId: f.a.familyId, seq } } });
}

describe("verifyAuditChain", () => {
  it("verifies the untouched chain, row for row, with consecutive seq numbers", async () => {
    const rows = await db.auditEvent.findMany({ where: { familyId: f.a.familyId }, orderBy: { seq: "asc" } });
    // 2 direct orders + 3 requests + approve (+ order) + deny + approve (+ grant) = 10 rows.
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));

    expect(await verifyAuditChain({ familyId: f.a.familyId })).toEqual({ intact: true, rows: 10 });
    expect(await verifyAuditChain({ familyId: f.b.familyId })).toEqual({ intact: true, rows: 3 });
  });

  it("an UPDATE of one row's data by SQL breaks the chain at that row", async () => {
    const target = await rowAt(5);
    const [original] = await db.$queryRaw<Array<{ data: string }>>`
      SELECT CAST("data" AS TEXT) AS "data" FROM "AuditEvent" WHERE "id" = ${target.id}`;
    if (!original) throw new Error("row not found by raw SQL");
    try {
      const tampered = JSON.stringify({ ...(target.data as object), note: "Mum said yes" });
      const changed = await db.$executeRaw`
        UPDATE "AuditEvent" SET "data" = ${jsonValue(tampered)} WHERE "id" = ${target.id}`;
      expect(changed).toBe(1);

      expect(await verifyAuditChain({ familyId: f.a.familyId })).toEqual({
        intact: false,
        rows: 10,
        brokenSeq: 5,
        brokenId: target.id,
        brokenAction: target.action,
        brokenAt: target.createdAt,
      });
      expect((await verifyAuditChain({ familyId: f.b.familyId })).intact).toBe(true);
    } finally {
      await db.$executeRaw`UPDATE "AuditEvent" SET "data" = ${jsonValue(original.data)} WHERE "id" = ${target.id}`;
    }
    // Put back byte for byte, the chain holds again.
    expect(await verifyAuditChain({ familyId: f.a.familyId })).toEqual({ intact: true, rows: 10 });
  });

  it("an UPDATE of another column (the actor) is caught too", async () => {
    const target = await rowAt(3);
    try {
      await db.$executeRaw`UPDATE "AuditEvent" SET "actorId" = ${f.a.joe.id} WHERE "id" = ${target.id}`;
      expect(await verifyAuditChain({ familyId: f.a.familyId })).toMatchObject({ intact: false, brokenSeq: 3 });
    } finally {
      await db.$executeRaw`UPDATE "AuditEvent" SET "actorId" = ${target.actorId} WHERE "id" = ${target.id}`;
    }
    expect((await verifyAuditChain({ familyId: f.a.familyId })).intact).toBe(true);
  });

  it("deleting a middle row breaks the chain at the next seq", async () => {
    const deleted = await rowAt(6);
    const next = await rowAt(7);

    expect(await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${deleted.id}`).toBe(1);

    expect(await verifyAuditChain({ familyId: f.a.familyId })).toEqual({
      intact: false,
      rows: 9,
      brokenSeq: 7,
      brokenId: next.id,
      brokenAction: next.action,
      brokenAt: next.createdAt,
    });
    expect((await verifyAuditChain({ familyId: f.b.familyId })).intact).toBe(true);
  });
});

describe("verifyAuditChain on a large family", () => {
  const ROWS = 10_000;
  let familyId: string;

  beforeAll(async () => {
    ({ familyId } = await createSyntheticTrail(ROWS));
  }, 120_000);

  it(`checks ${ROWS.toLocaleString("en-US")} rows (time printed, not asserted) and finds tampering past the first chunk`, async () => {
    const started = performance.now();
    const report = await verifyAuditChain({ familyId });
    const ms = performance.now() - started;
    console.log(`verifyAuditChain: ${ROWS} rows in ${ms.toFixed(0)} ms (${((ms * 1000) / ROWS).toFixed(1)} µs/row)`);
    expect(report).toEqual({ intact: true, rows: ROWS });

    const target = await db.auditEvent.findUniqueOrThrow({ where: { familyId_seq: { familyId, seq: 7_500 } } });
    await db.$executeRaw`
      UPDATE "AuditEvent" SET "data" = ${jsonValue(JSON.stringify({ totalCents: 1 }))} WHERE "id" = ${target.id}`;
    expect(await verifyAuditChain({ familyId })).toMatchObject({ intact: false, rows: ROWS, brokenSeq: 7_500 });
  });
});
