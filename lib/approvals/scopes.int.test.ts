// Scopes chosen when approving: grant rows, their audit, and how the child's next order follows them.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ToolContext } from "@/lib/ai/tools/context";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { countAudit, type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { decideRequest, type Scope } from "./decide";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

// Every test starts with nothing pending and no grant for Henry (Rose keeps her seeded Sushi World grant).
beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
  await db.accessGrant.updateMany({ where: { childId: f.a.henry.id }, data: { revokedAt: new Date() } });
});

function order(ctx: ToolContext, lines: Array<[string, number]>) {
  const first = f.a.dish(lines[0]?.[0] ?? "");
  return submitOrder(
    ctx,
    {
      restaurantId: first.restaurantId,
      items: lines.map(([name, quantity]) => ({ dishId: f.a.dish(name).id, quantity })),
    },
    toolCallId(),
  );
}

async function pending(ctx: ToolContext, lines: Array<[string, number]>) {
  const result = await order(ctx, lines);
  if (result.status !== "pending") throw new Error(`expected pending, got ${JSON.stringify(result)}`);
  return result.requestId;
}

function grantsOf(requestId: string) {
  return db.accessGrant.findMany({ where: { approvalRequestId: requestId }, orderBy: { createdAt: "asc" } });
}

async function auditData(action: string, subjectId: string) {
  const rows = await db.auditEvent.findMany({ where: { action, subjectId } });
  return rows.map((r) => r.data as Record<string, unknown>);
}

describe("scope ALWAYS_DISH", () => {
  it("grants the premium dish: the same dish is then placed directly, another premium dish still needs a parent", async () => {
    const ctx = await newChatContext(f.a.henry);
    const requestId = await pending(ctx, [
      ["Deluxe Burger", 1],
      ["Fries", 1],
    ]);

    const result = await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE", scope: "ALWAYS_DISH" });

    expect(result).toMatchObject({ outcome: "decided", status: "APPROVED" });
    const deluxe = f.a.dish("Deluxe Burger");
    const grants = await grantsOf(requestId);
    // Only the premium dish is granted, not Fries.
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({
      familyId: f.a.familyId,
      childId: f.a.henry.id,
      restaurantId: deluxe.restaurantId,
      dishId: deluxe.id,
      scope: "ALWAYS",
      createdById: f.a.jane.id,
      revokedAt: null,
    });
    expect(await auditData("grant.created", grants[0]?.id ?? "")).toEqual([
      {
        childId: f.a.henry.id,
        restaurant: "Burger Bonanza",
        dish: "Deluxe Burger",
        scope: "ALWAYS_DISH",
        approvalRequestId: requestId,
      },
    ]);
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      decisionScope: "ALWAYS_DISH",
    });
    // The approved order itself is placed as usual.
    expect(await db.order.count({ where: { approvalRequestId: requestId } })).toBe(1);

    expect(await order(ctx, [["Deluxe Burger", 2]])).toMatchObject({ status: "placed", totalCents: 2598 });
    expect(await order(ctx, [["Pepperoni Pizza", 1]])).toMatchObject({
      status: "pending",
      reasons: ["Pepperoni Pizza costs $10.99, above the $10.00 limit for premium dishes."],
    });
    // Rose has no such grant.
    expect(await order(await newChatContext(f.a.rose), [["Deluxe Burger", 1]])).toMatchObject({ status: "pending" });
  });

  it("a standing dish grant that already exists is not written again", async () => {
    // Two requests for the same dish, both asked before either was decided.
    const first = await pending(await newChatContext(f.a.henry), [["Deluxe Burger", 1]]);
    const second = await pending(await newChatContext(f.a.henry), [["Deluxe Burger", 2]]);

    await decideRequest({ actor: f.a.jane, requestId: first, decision: "APPROVE", scope: "ALWAYS_DISH" });
    await decideRequest({ actor: f.a.joe, requestId: second, decision: "APPROVE", scope: "ALWAYS_DISH" });

    expect(await grantsOf(first)).toHaveLength(1);
    expect(await grantsOf(second)).toHaveLength(0);
    expect(await db.order.count({ where: { approvalRequestId: second } })).toBe(1);
    const standing = await db.accessGrant.count({
      where: { childId: f.a.henry.id, dishId: f.a.dish("Deluxe Burger").id, revokedAt: null },
    });
    expect(standing).toBe(1);
  });

  it("with an edit: grants the premium dishes of the order as approved, not of the proposal", async () => {
    const requestId = await pending(await newChatContext(f.a.henry), [["Truffle Pasta", 1]]);
    const escargot = f.a.dish("Escargot");

    await decideRequest({
      actor: f.a.jane,
      requestId,
      decision: "APPROVE",
      scope: "ALWAYS_DISH",
      edit: { items: [{ dishId: escargot.id, quantity: 1 }] },
    });

    const grants = await grantsOf(requestId);
    expect(grants.map((g) => g.dishId)).toEqual([escargot.id]);
  });

  it("an edit that leaves no premium dish: a clear error, nothing changed", async () => {
    const requestId = await pending(await newChatContext(f.a.henry), [["Deluxe Burger", 1]]);
    const before = await snapshotOf(requestId);

    const attempt = decideRequest({
      actor: f.a.jane,
      requestId,
      decision: "APPROVE",
      scope: "ALWAYS_DISH",
      edit: { items: [{ dishId: f.a.dish("Classic Burger").id, quantity: 1 }] },
    });

    await expect(attempt).rejects.toMatchObject({
      code: "bad_request:scope",
      message: "No premium dish is left in this order to always allow.",
    });
    expect(await snapshotOf(requestId)).toEqual(before);
  });
});

describe("scope ALWAYS_RESTAURANT on an order", () => {
  it("opens the restricted restaurant for the child: the next cheap order there is placed directly", async () => {
    const ctx = await newChatContext(f.a.henry);
    const requestId = await pending(ctx, [["California Roll", 1]]);
    const sushi = f.a.restaurant("Sushi World");

    await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE", scope: "ALWAYS_RESTAURANT" });

    const grants = await grantsOf(requestId);
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ restaurantId: sushi.id, dishId: null, scope: "ALWAYS", childId: f.a.henry.id });
    expect(await auditData("grant.created", grants[0]?.id ?? "")).toEqual([
      {
        childId: f.a.henry.id,
        restaurant: "Sushi World",
        dish: null,
        scope: "ALWAYS_RESTAURANT",
        approvalRequestId: requestId,
      },
    ]);
    expect(await db.order.count({ where: { approvalRequestId: requestId } })).toBe(1);
    expect(await order(ctx, [["California Roll", 2]])).toMatchObject({ status: "placed", totalCents: 1398 });
    expect(await order(ctx, [["California Roll", 3]])).toMatchObject({ status: "placed" });
    // The premium rule still holds there.
    expect(await order(ctx, [["Sushi Platter", 1]])).toMatchObject({ status: "pending" });
  });

  it("ONCE on a restricted restaurant's order places it and grants nothing", async () => {
    const ctx = await newChatContext(f.a.henry);
    const requestId = await pending(ctx, [["California Roll", 1]]);

    await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE", scope: "ONCE" });

    expect(await grantsOf(requestId)).toHaveLength(0);
    expect(await db.order.count({ where: { approvalRequestId: requestId } })).toBe(1);
    expect(await order(ctx, [["California Roll", 2]])).toMatchObject({ status: "pending" });
  });
});

describe("a scope the request does not offer", () => {
  const cases: Array<{ name: string; lines: Array<[string, number]>; scope: Scope }> = [
    {
      name: "always this restaurant for an open restaurant's premium dish",
      lines: [["Deluxe Burger", 1]],
      scope: "ALWAYS_RESTAURANT",
    },
    {
      name: "always this dish for a restricted restaurant's cheap dish",
      lines: [["California Roll", 1]],
      scope: "ALWAYS_DISH",
    },
  ];
  for (const { name, lines, scope } of cases) {
    it(`${name}: a clear error, nothing changed`, async () => {
      const requestId = await pending(await newChatContext(f.a.henry), lines);
      const before = await snapshotOf(requestId);

      const attempt = decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE", scope });

      await expect(attempt).rejects.toMatchObject({ code: "bad_request:scope", status: 400 });
      await expect(attempt).rejects.toThrow(/is not a choice for this request/);
      expect(await snapshotOf(requestId)).toEqual(before);
      // The request is still there to decide properly.
      expect(await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE" })).toMatchObject({
        outcome: "decided",
        status: "APPROVED",
      });
    });
  }

  it("always this dish for a restaurant-access request: refused", async () => {
    const { submitAccessRequest } = await import("./request-access");
    const result = await submitAccessRequest(
      await newChatContext(f.a.henry),
      f.a.restaurant("Fancy French").id,
      toolCallId(),
    );
    if (result.status !== "pending") throw new Error("expected pending");
    await expect(
      decideRequest({ actor: f.a.jane, requestId: result.requestId, decision: "APPROVE", scope: "ALWAYS_DISH" }),
    ).rejects.toMatchObject({ code: "bad_request:scope" });
    expect(await grantsOf(result.requestId)).toHaveLength(0);
  });
});

/** Everything an approval could touch for this request and family. */
async function snapshotOf(requestId: string) {
  const [request, orders, grants, audit, events] = await Promise.all([
    db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } }),
    db.order.count({ where: { familyId: f.a.familyId } }),
    db.accessGrant.count({ where: { familyId: f.a.familyId } }),
    countAudit(f.a.familyId, "request.approved"),
    db.event.count({ where: { familyId: f.a.familyId } }),
  ]);
  return { request, orders, grants, audit, events };
}
