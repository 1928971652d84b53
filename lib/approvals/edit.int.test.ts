// Edit before approve: the proposal and the edit are both stored, the order is placed from the edit at DB prices.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { countAudit, type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { type DecideResult, decideRequest } from "./decide";
import { hashSnapshot, type OrderSnapshot } from "./snapshot";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
});

/** Henry asks for 2 Deluxe Burgers and 1 Fries (pending: Deluxe Burger is premium). */
async function pendingOrder(
  lines: Array<[string, number]> = [
    ["Deluxe Burger", 2],
    ["Fries", 1],
  ],
) {
  const ctx = await newChatContext(f.a.henry);
  const first = f.a.dish(lines[0]?.[0] ?? "");
  const result = await submitOrder(
    ctx,
    {
      restaurantId: first.restaurantId,
      items: lines.map(([name, quantity]) => ({ dishId: f.a.dish(name).id, quantity })),
    },
    toolCallId(),
  );
  if (result.status !== "pending") throw new Error(`expected pending, got ${JSON.stringify(result)}`);
  return result.requestId;
}

const line = (name: string, quantity: number) => ({ dishId: f.a.dish(name).id, quantity });

function approveWith(requestId: string, items: unknown, actor = f.a.jane) {
  return decideRequest({ actor, requestId, decision: "APPROVE", edit: { items } });
}

async function everything(requestId: string) {
  const [request, orders, grants, audit, events] = await Promise.all([
    db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } }),
    db.order.count({ where: { familyId: f.a.familyId } }),
    db.accessGrant.count({ where: { familyId: f.a.familyId } }),
    db.auditEvent.count({ where: { familyId: f.a.familyId } }),
    db.event.count({ where: { familyId: f.a.familyId } }),
  ]);
  return { request, orders, grants, audit, events };
}

describe("approve with changes", () => {
  it("stores proposal and edit, places the edit at DB prices, audits both hashes and the changes", async () => {
    const requestId = await pendingOrder();
    const proposal = (await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } }))
      .snapshot as unknown as OrderSnapshot;
    const deluxe = f.a.dish("Deluxe Burger");

    // A price the client might claim is ignored: only dishId and quantity are read.
    const result = await approveWith(requestId, [{ ...line("Deluxe Burger", 1), unitPriceCents: 1 }]);

    expect(result).toMatchObject({
      outcome: "decided",
      status: "APPROVED",
      repeated: false,
      changes: ["Deluxe Burger: 2 → 1", "Fries removed"],
    });
    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.snapshot).toEqual(proposal);
    expect(request.snapshotHash).toBe(hashSnapshot(proposal));
    const edited = request.parentEdit as unknown as OrderSnapshot;
    expect(edited).toEqual({
      kind: "ORDER",
      restaurant: proposal.restaurant,
      items: [{ dishId: deluxe.id, name: "Deluxe Burger", quantity: 1, unitPriceCents: 1299, lineTotalCents: 1299 }],
      totalCents: 1299,
    });
    const order = await db.order.findUniqueOrThrow({ where: { approvalRequestId: requestId } });
    expect(order.items).toEqual(edited.items);
    expect(order.totalCents).toBe(1299);
    const [audit] = await db.auditEvent.findMany({ where: { action: "request.approved", subjectId: requestId } });
    expect(audit?.data).toMatchObject({
      childId: f.a.henry.id,
      kind: "ORDER",
      scope: "ONCE",
      snapshotHash: hashSnapshot(proposal),
      edit: {
        proposedHash: hashSnapshot(proposal),
        editedHash: hashSnapshot(edited),
        changes: ["Deluxe Burger: 2 → 1", "Fries removed"],
      },
    });
  });

  it("a replacement by a cheaper dish of the same menu", async () => {
    const requestId = await pendingOrder([["Deluxe Burger", 2]]);

    const deluxe = f.a.dish("Deluxe Burger");
    const result = await approveWith(requestId, [{ ...line("Classic Burger", 2), replaces: deluxe.id }]);

    expect(result).toMatchObject({ changes: ["Deluxe Burger replaced by Classic Burger"] });
    const order = await db.order.findUniqueOrThrow({ where: { approvalRequestId: requestId } });
    expect(order.totalCents).toBe(2 * 799);
  });

  it("uses the price in the database now, not the proposal's", async () => {
    const requestId = await pendingOrder([["Deluxe Burger", 2]]);
    const classic = f.a.dish("Classic Burger");
    await db.dish.update({ where: { id: classic.id }, data: { priceCents: 749 } });
    try {
      await approveWith(requestId, [line("Classic Burger", 1)]);
    } finally {
      await db.dish.update({ where: { id: classic.id }, data: { priceCents: classic.priceCents } });
    }
    expect((await db.order.findUniqueOrThrow({ where: { approvalRequestId: requestId } })).totalCents).toBe(749);
  });

  it("duplicate lines are merged", async () => {
    const requestId = await pendingOrder([["Deluxe Burger", 2]]);

    const result = await approveWith(requestId, [line("Deluxe Burger", 1), line("Deluxe Burger", 2)]);

    expect(result).toMatchObject({ changes: ["Deluxe Burger: 2 → 3"] });
    const order = await db.order.findUniqueOrThrow({ where: { approvalRequestId: requestId } });
    expect(order.items).toEqual([expect.objectContaining({ name: "Deluxe Burger", quantity: 3 })]);
  });

  it("an edit equal to the proposal is a plain approval", async () => {
    const requestId = await pendingOrder();

    const result = await approveWith(requestId, [line("Fries", 1), line("Deluxe Burger", 2)]);

    expect(result).toMatchObject({ outcome: "decided", status: "APPROVED" });
    expect(result).not.toHaveProperty("changes");
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).parentEdit).toBeNull();
    const [audit] = await db.auditEvent.findMany({ where: { action: "request.approved", subjectId: requestId } });
    expect(audit?.data).not.toHaveProperty("edit");
  });

  it("exactly once: 10 parallel edit-approves place one order; repeats return the first result", async () => {
    const requestId = await pendingOrder();

    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        approveWith(requestId, [line("Deluxe Burger", 1 + (i % 3))], i % 2 ? f.a.joe : f.a.jane),
      ),
    );

    expect(settled.filter((s) => s.status === "rejected")).toEqual([]);
    const results = settled.map((s) => (s as PromiseFulfilledResult<DecideResult>).value);
    const first = results.filter((r) => r.outcome === "decided" && !r.repeated);
    expect(first).toHaveLength(1);
    for (const result of results) {
      expect(result).toMatchObject({ outcome: "decided", status: "APPROVED" });
      if (result.outcome === "decided")
        expect(result.changes).toEqual(first[0]?.outcome === "decided" ? first[0].changes : []);
    }
    expect(await db.order.count({ where: { approvalRequestId: requestId } })).toBe(1);
    expect(await countAudit(f.a.familyId, "request.approved", requestId)).toBe(1);
  });
});

describe("approve with changes: bad edits change nothing", () => {
  const cases: Array<{ name: string; items: () => unknown; message: RegExp }> = [
    {
      name: "another restaurant's dish",
      items: () => [line("Cheese Pizza", 1)],
      message: /not on the menu of Burger Bonanza/,
    },
    {
      name: "another family's dish",
      items: () => [{ dishId: f.b.dish("Bean Taco").id, quantity: 1 }],
      message: /not on the menu of Burger Bonanza/,
    },
    { name: "an unknown dish", items: () => [{ dishId: "nope", quantity: 1 }], message: /not on the menu/ },
    { name: "an empty edit", items: () => [], message: /Keep at least one dish/ },
    { name: "quantity 0", items: () => [line("Deluxe Burger", 0)], message: /at least 1/ },
    { name: "quantity 21", items: () => [line("Deluxe Burger", 21)], message: /At most 20/ },
    { name: "a fractional quantity", items: () => [line("Deluxe Burger", 1.5)], message: /whole number/ },
    {
      name: "merged lines over 20",
      items: () => [line("Fries", 15), line("Fries", 6)],
      message: /At most 20 of Fries/,
    },
    {
      name: "too many lines",
      items: () => Array.from({ length: 11 }, () => line("Fries", 1)),
      message: /At most 10 different dishes/,
    },
    { name: "not a list", items: () => "Deluxe Burger", message: /./ },
    {
      name: "replacing a dish that is not in the order",
      items: () => [{ ...line("Classic Burger", 1), replaces: f.a.dish("Cheese Pizza").id }],
      message: /kept or replaced, not both/,
    },
    {
      name: "keeping and replacing the same dish",
      items: () => [line("Deluxe Burger", 1), { ...line("Classic Burger", 1), replaces: f.a.dish("Deluxe Burger").id }],
      message: /kept or replaced, not both/,
    },
  ];
  for (const { name, items, message } of cases) {
    it(name, async () => {
      const requestId = await pendingOrder();
      const before = await everything(requestId);

      const attempt = approveWith(requestId, items());

      await expect(attempt).rejects.toMatchObject({ code: "bad_request:edit", status: 400 });
      await expect(attempt).rejects.toThrow(message);
      expect(await everything(requestId)).toEqual(before);
    });
  }

  it("an archived dish", async () => {
    const requestId = await pendingOrder();
    const classic = f.a.dish("Classic Burger");
    await db.dish.update({ where: { id: classic.id }, data: { archived: true } });
    let before: Awaited<ReturnType<typeof everything>> | undefined;
    try {
      before = await everything(requestId);
      await expect(approveWith(requestId, [line("Classic Burger", 1)])).rejects.toThrow(
        "Classic Burger is no longer on the menu.",
      );
      expect(await everything(requestId)).toEqual(before);
    } finally {
      await db.dish.update({ where: { id: classic.id }, data: { archived: false } });
    }
  });

  it("an edit on a restaurant-access request", async () => {
    const { submitAccessRequest } = await import("./request-access");
    const result = await submitAccessRequest(
      await newChatContext(f.a.henry),
      f.a.restaurant("Fancy French").id,
      toolCallId(),
    );
    if (result.status !== "pending") throw new Error("expected pending");
    await expect(approveWith(result.requestId, [line("Escargot", 1)])).rejects.toMatchObject({
      code: "bad_request:edit",
      message: "Only an order can be changed.",
    });
  });

  it("denying ignores the edit", async () => {
    const requestId = await pendingOrder();
    await decideRequest({ actor: f.a.jane, requestId, decision: "DENY", edit: { items: [] } });
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "DENIED",
      parentEdit: null,
    });
  });
});
