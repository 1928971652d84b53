// Test helper: a long, valid audit chain for a new family, inserted in batches (appending one by one would take
// minutes). Imports `@/lib/db`, so only import it from integration tests.
import { GENESIS_HASH, hashAuditRow } from "@/lib/audit/hash";
import { db } from "@/lib/db";

const ACTIONS = ["request.created", "request.approved", "order.placed", "rules.changed", "request.expired"] as const;

/** Creates a family with two children and `rows` chained audit rows; returns the ids. */
export async function createSyntheticTrail(rows: number) {
  const family = await db.family.create({ data: { name: `Big family ${rows}` } });
  const familyId = family.id;
  const [parent, kid1, kid2] = await Promise.all(
    [
      { role: "PARENT", name: "Pat" },
      { role: "CHILD", name: "Kim" },
      { role: "CHILD", name: "Lou" },
    ].map((u) => db.user.create({ data: { familyId, ...u, passwordHash: "x" }, select: { id: true } })),
  );
  if (!parent || !kid1 || !kid2) throw new Error("users not created");
  let prevHash = GENESIS_HASH;
  const start = Date.UTC(2026, 0, 1);
  const all = Array.from({ length: rows }, (_, i) => {
    const action = ACTIONS[i % ACTIONS.length] ?? "order.placed";
    const childId = action === "rules.changed" ? null : i % 2 ? kid1.id : kid2.id;
    const content = {
      familyId,
      seq: i + 1,
      actorId: action === "request.expired" ? null : action === "request.created" ? childId : parent.id,
      actorRole: action === "request.expired" ? "SYSTEM" : action === "request.created" ? "CHILD" : "PARENT",
      childId,
      action,
      subjectType: "Order",
      subjectId: `subject-${i}`,
      data: { childId, restaurant: "Pizza Palace", items: [`${(i % 3) + 1}× Cheese Pizza`], totalCents: 899 },
      createdAt: new Date(start + i * 60_000),
    };
    const hash = hashAuditRow(prevHash, content);
    const row = { ...content, prevHash, hash };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < all.length; i += 1000) {
    await db.auditEvent.createMany({ data: all.slice(i, i + 1000) });
  }
  return { familyId, parentId: parent.id, childIds: [kid1.id, kid2.id] as const };
}
