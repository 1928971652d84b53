// decideRequest through the real services and a real SQLite file: exactly one effect, whatever the race.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { submitOrder } from "@/lib/orders/submit-order";
import { countAudit, type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { type DecideResult, type Decision, decideRequest } from "./decide";
import { expireDueRequests } from "./expire";
import { submitAccessRequest } from "./request-access";
import type { OrderSnapshot } from "./snapshot";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

// Test housekeeping: requests a test leaves pending would merge with (or count against the cap of) the next
// test's requests. Park them as CANCELLED so every test starts with no pending request.
beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
});

/** A child's order that needs a parent (Deluxe Burger costs $12.99, above the $10.00 limit). */
async function pendingOrder(child = f.a.henry, dishName = "Deluxe Burger", quantity = 1) {
  const ctx = await newChatContext(child);
  const dish = f.a.dish(dishName);
  const result = await submitOrder(
    ctx,
    { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity }] },
    toolCallId(),
  );
  if (result.status !== "pending") throw new Error(`expected a pending request, got ${JSON.stringify(result)}`);
  return { ctx, dish, requestId: result.requestId };
}

function ordersOf(requestId: string) {
  return db.order.findMany({ where: { approvalRequestId: requestId } });
}

async function resolvedEvents(requestId: string) {
  const events = await db.event.findMany({ where: { type: "request.resolved" }, orderBy: { id: "asc" } });
  return events.filter((e) => (e.data as { requestId?: string }).requestId === requestId);
}

/** Everything a decision can touch, to prove that a refused decision touched nothing. */
async function familyState(familyId: string) {
  const [requests, orders, grants, audit, events] = await Promise.all([
    db.approvalRequest.findMany({ where: { familyId }, orderBy: { id: "asc" } }),
    db.order.count({ where: { familyId } }),
    db.accessGrant.count({ where: { familyId } }),
    db.auditEvent.count({ where: { familyId } }),
    db.event.count({ where: { familyId } }),
  ]);
  return { requests, orders, grants, audit, events };
}

describe("decideRequest: approve and deny", () => {
  it("APPROVE places exactly one order from the snapshot, with audit rows and an event", async () => {
    const { ctx, requestId } = await pendingOrder();

    const result = await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE" });

    expect(result).toMatchObject({ outcome: "decided", status: "APPROVED", repeated: false, decidedByName: "Jane" });
    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "APPROVED", decidedById: f.a.jane.id, note: null });
    expect(request.decidedAt).toBeInstanceOf(Date);
    const orders = await ordersOf(requestId);
    expect(orders).toHaveLength(1);
    const snapshot = request.snapshot as unknown as OrderSnapshot;
    expect(orders[0]).toMatchObject({
      familyId: f.a.familyId,
      childId: f.a.henry.id,
      chatId: ctx.chatId,
      restaurantId: snapshot.restaurant.id,
      totalCents: snapshot.totalCents,
      status: "PLACED",
    });
    expect(orders[0]?.items).toEqual(snapshot.items);
    expect(snapshot.totalCents).toBe(1299);
    expect(await countAudit(f.a.familyId, "request.approved", requestId)).toBe(1);
    const placed = await db.auditEvent.findMany({ where: { action: "order.placed", subjectId: orders[0]?.id } });
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ actorId: f.a.jane.id, actorRole: "PARENT" });
    const events = await resolvedEvents(requestId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ familyId: f.a.familyId, childId: f.a.henry.id });
    expect(events[0]?.data).toMatchObject({ status: "APPROVED", chatId: ctx.chatId, decidedByName: "Jane" });
  });

  it("DENY stores the note and places no order", async () => {
    const { requestId } = await pendingOrder();

    const result = await decideRequest({
      actor: f.a.jane,
      requestId,
      decision: "DENY",
      note: "  Not today, sweetie.  ",
    });

    expect(result).toMatchObject({ outcome: "decided", status: "DENIED", repeated: false, decidedByName: "Jane" });
    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "DENIED", decidedById: f.a.jane.id, note: "Not today, sweetie." });
    expect(await ordersOf(requestId)).toHaveLength(0);
    expect(await countAudit(f.a.familyId, "request.denied", requestId)).toBe(1);
    expect(await countAudit(f.a.familyId, "request.approved", requestId)).toBe(0);
    const events = await resolvedEvents(requestId);
    expect(events.map((e) => (e.data as { status: string }).status)).toEqual(["DENIED"]);
  });

  it("a second decision: the same one is a repeat of the first result, the opposite one names who decided", async () => {
    const { requestId } = await pendingOrder();
    const first = await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE" });
    if (first.outcome !== "decided") throw new Error("not decided");

    const again = await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE" });
    const byJoe = await decideRequest({ actor: f.a.joe, requestId, decision: "APPROVE" });
    const opposite = await decideRequest({ actor: f.a.joe, requestId, decision: "DENY", note: "no" });

    expect(again).toEqual({ ...first, repeated: true });
    expect(byJoe).toEqual({ ...first, repeated: true });
    expect(opposite).toEqual({
      outcome: "already-decided",
      status: "APPROVED",
      decidedByName: "Jane",
      decidedAt: first.decidedAt,
    });
    expect(await ordersOf(requestId)).toHaveLength(1);
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "APPROVED",
      decidedById: f.a.jane.id,
      note: null,
    });
    expect(await countAudit(f.a.familyId, "request.approved", requestId)).toBe(1);
    expect(await countAudit(f.a.familyId, "request.denied", requestId)).toBe(0);
    expect(await resolvedEvents(requestId)).toHaveLength(1);
  });
});

describe("decideRequest: races", () => {
  it("20 parallel approves by both parents: exactly one order, none thrown", async () => {
    const { requestId } = await pendingOrder();
    const parents = [f.a.jane, f.a.joe];

    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        decideRequest({ actor: parents[i % 2] ?? f.a.jane, requestId, decision: "APPROVE" }),
      ),
    );

    const rejected = settled.filter((s) => s.status === "rejected");
    expect(rejected.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const results = settled.map((s) => (s as PromiseFulfilledResult<DecideResult>).value);
    for (const result of results) expect(result).toMatchObject({ outcome: "decided", status: "APPROVED" });
    expect(results.filter((r) => r.outcome === "decided" && !r.repeated)).toHaveLength(1);
    expect(await ordersOf(requestId)).toHaveLength(1);
    expect(await countAudit(f.a.familyId, "request.approved", requestId)).toBe(1);
    expect(await resolvedEvents(requestId)).toHaveLength(1);
  });

  it("mixed approve/deny in parallel, 10 rounds: one terminal state, an order iff APPROVED", async () => {
    const finals: string[] = [];
    for (let round = 0; round < 10; round++) {
      const { requestId } = await pendingOrder(f.a.henry, "Deluxe Burger", round + 1);
      const decisions: Decision[] = Array.from({ length: 10 }, (_, i) => ((i + round) % 2 === 0 ? "APPROVE" : "DENY"));

      const settled = await Promise.allSettled(
        decisions.map((decision, i) =>
          decideRequest({ actor: i % 3 === 0 ? f.a.joe : f.a.jane, requestId, decision, note: `round ${round}` }),
        ),
      );

      expect(settled.filter((s) => s.status === "rejected")).toEqual([]);
      const results = settled.map((s) => (s as PromiseFulfilledResult<DecideResult>).value);
      const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
      expect(["APPROVED", "DENIED"]).toContain(request.status);
      finals.push(request.status);
      // Every caller was told the one terminal state: as its own decision (first or repeated) or as someone else's.
      results.forEach((result, i) => {
        const own = decisions[i] === "APPROVE" ? "APPROVED" : "DENIED";
        if (own === request.status) expect(result).toMatchObject({ outcome: "decided", status: own });
        else expect(result).toMatchObject({ outcome: "already-decided", status: request.status });
      });
      expect(results.filter((r) => r.outcome === "decided" && !r.repeated)).toHaveLength(1);
      expect(await ordersOf(requestId)).toHaveLength(request.status === "APPROVED" ? 1 : 0);
      const decisionsAudited =
        (await countAudit(f.a.familyId, "request.approved", requestId)) +
        (await countAudit(f.a.familyId, "request.denied", requestId));
      expect(decisionsAudited).toBe(1);
      expect(await resolvedEvents(requestId)).toHaveLength(1);
    }
    expect(finals).toHaveLength(10);
  });

  it("approve, deny and the expiry sweeper racing, 12 rounds in rotating order: first terminal state wins", async () => {
    const finals = new Set<string>();
    for (let round = 0; round < 12; round++) {
      const { requestId } = await pendingOrder(f.a.henry, "Deluxe Burger", round + 1);
      const { expiresAt } = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
      const later = new Date(expiresAt.getTime() + 1);
      const contenders: Array<() => Promise<unknown>> = [
        () => expireDueRequests({ now: later }),
        () => decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE" }),
        () => decideRequest({ actor: f.a.joe, requestId, decision: "DENY" }),
        () => decideRequest({ actor: f.a.joe, requestId, decision: "APPROVE", now: later }),
      ];
      const rotated = [...contenders.slice(round % 4), ...contenders.slice(0, round % 4)];

      const settled = await Promise.allSettled(rotated.map((run) => run()));

      expect(settled.filter((s) => s.status === "rejected")).toEqual([]);
      const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
      expect(["APPROVED", "DENIED", "EXPIRED"]).toContain(request.status);
      finals.add(request.status);
      expect(await ordersOf(requestId)).toHaveLength(request.status === "APPROVED" ? 1 : 0);
      const terminalAudits = await db.auditEvent.count({
        where: { subjectId: requestId, action: { in: ["request.approved", "request.denied", "request.expired"] } },
      });
      expect(terminalAudits).toBe(1);
      expect(await resolvedEvents(requestId)).toHaveLength(1);
    }
    // Rotating who goes first lets more than one contender win across the rounds.
    expect(finals.size).toBeGreaterThan(1);
  });
});

describe("decideRequest: what runs is what was shown", () => {
  it("a price changed after the request: the order uses the approved snapshot's price", async () => {
    const { requestId, dish } = await pendingOrder();
    await db.dish.update({ where: { id: dish.id }, data: { priceCents: 1599 } });
    try {
      await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE" });
    } finally {
      await db.dish.update({ where: { id: dish.id }, data: { priceCents: dish.priceCents } });
    }

    const [order] = await ordersOf(requestId);
    expect(order?.totalCents).toBe(1299);
    expect(order?.items).toEqual([
      { dishId: dish.id, name: "Deluxe Burger", quantity: 1, unitPriceCents: 1299, lineTotalCents: 1299 },
    ]);
  });

  it("restaurant archived after the request: cancelled, no order, audited", async () => {
    const { requestId, dish } = await pendingOrder();
    await db.restaurant.update({ where: { id: dish.restaurantId }, data: { archived: true } });
    let result: DecideResult;
    try {
      result = await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE" });
    } finally {
      await db.restaurant.update({ where: { id: dish.restaurantId }, data: { archived: false } });
    }

    expect(result).toEqual({ outcome: "cancelled", message: "Burger Bonanza is no longer available." });
    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.status).toBe("CANCELLED");
    expect(request.note).toBe("Burger Bonanza is no longer available.");
    expect(await ordersOf(requestId)).toHaveLength(0);
    expect(await countAudit(f.a.familyId, "request.cancelled", requestId)).toBe(1);
    expect(await countAudit(f.a.familyId, "request.approved", requestId)).toBe(0);
    expect((await resolvedEvents(requestId)).map((e) => (e.data as { status: string }).status)).toEqual(["CANCELLED"]);
    // Asking again does not resurrect it.
    expect(await decideRequest({ actor: f.a.joe, requestId, decision: "APPROVE" })).toMatchObject({
      outcome: "already-decided",
      status: "CANCELLED",
    });
    expect(await ordersOf(requestId)).toHaveLength(0);
  });

  it("a dish archived after the request: cancelled, no order", async () => {
    const { requestId, dish } = await pendingOrder();
    await db.dish.update({ where: { id: dish.id }, data: { archived: true } });
    let result: DecideResult;
    try {
      result = await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE" });
    } finally {
      await db.dish.update({ where: { id: dish.id }, data: { archived: false } });
    }

    expect(result).toEqual({ outcome: "cancelled", message: "Deluxe Burger is no longer on the menu." });
    expect(await ordersOf(requestId)).toHaveLength(0);
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("CANCELLED");
  });
});

describe("decideRequest: expiry", () => {
  it("a decision after expiresAt expires the request instead, once, and orders nothing", async () => {
    const { requestId } = await pendingOrder();
    const { expiresAt } = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
    const later = new Date(expiresAt.getTime() + 1000);

    const result = await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE", now: later });

    expect(result).toEqual({ outcome: "expired" });
    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "EXPIRED", decidedById: null });
    expect(request.decidedAt).toEqual(later);
    expect(await ordersOf(requestId)).toHaveLength(0);
    expect(await countAudit(f.a.familyId, "request.expired", requestId)).toBe(1);
    // Any later decision, even "in time" by the clock, is told it expired.
    expect(await decideRequest({ actor: f.a.joe, requestId, decision: "APPROVE" })).toEqual({ outcome: "expired" });
    expect(await ordersOf(requestId)).toHaveLength(0);
    expect(await countAudit(f.a.familyId, "request.expired", requestId)).toBe(1);
    expect(await resolvedEvents(requestId)).toHaveLength(1);
  });

  it("expireDueRequests expires a due request once; the second sweep finds nothing", async () => {
    const { requestId } = await pendingOrder();
    const fresh = await pendingOrder(f.a.rose);
    const { expiresAt } = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
    // Only the first request is due at this instant: shorten the second one's wait to show the boundary.
    const now = new Date(expiresAt.getTime() + 1);
    await db.approvalRequest.update({
      where: { id: fresh.requestId },
      data: { expiresAt: new Date(now.getTime() + 60_000) },
    });

    expect(await expireDueRequests({ now })).toBe(1);
    expect(await expireDueRequests({ now })).toBe(0);

    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("EXPIRED");
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: fresh.requestId } })).status).toBe("PENDING");
    expect(await countAudit(f.a.familyId, "request.expired", requestId)).toBe(1);
    expect(await resolvedEvents(requestId)).toHaveLength(1);
    expect(await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE" })).toEqual({ outcome: "expired" });
    expect(await ordersOf(requestId)).toHaveLength(0);
  });
});

describe("decideRequest: who may decide", () => {
  it("a parent of family B deciding family A's request: not found, nothing changed", async () => {
    const { requestId } = await pendingOrder();
    const before = await familyState(f.a.familyId);

    for (const decision of ["APPROVE", "DENY"] as const) {
      const attempt = decideRequest({ actor: f.b.quinn, requestId, decision, note: "mine now" });
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({
        code: "not_found:request",
        status: 404,
      });
    }

    expect(await familyState(f.a.familyId)).toEqual(before);
    expect(await db.order.count({ where: { familyId: f.b.familyId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { familyId: f.b.familyId } })).toBe(0);
  });

  it("a CHILD actor (even the requester) is forbidden, nothing changed", async () => {
    const { requestId } = await pendingOrder();
    const before = await familyState(f.a.familyId);

    for (const child of [f.a.henry, f.a.rose]) {
      await expect(decideRequest({ actor: child, requestId, decision: "APPROVE" })).rejects.toMatchObject({
        code: "forbidden:decision",
        status: 403,
      });
    }
    await expect(decideRequest({ actor: f.a.henry, requestId, decision: "APPROVE" })).rejects.toBeInstanceOf(AppError);

    expect(await familyState(f.a.familyId)).toEqual(before);
    // The request is still there for a parent.
    expect(await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE" })).toMatchObject({
      outcome: "decided",
    });
  });

  it("an unknown request id: not found", async () => {
    await expect(decideRequest({ actor: f.a.jane, requestId: "nope", decision: "APPROVE" })).rejects.toMatchObject({
      code: "not_found:request",
    });
  });
});

describe("decideRequest: restaurant access", () => {
  async function accessRequest(restaurantName: string) {
    const ctx = await newChatContext(f.a.henry, `Can I use ${restaurantName}?`);
    const result = await submitAccessRequest(ctx, f.a.restaurant(restaurantName).id, toolCallId());
    if (result.status !== "pending") throw new Error(`expected pending, got ${JSON.stringify(result)}`);
    return { ctx, requestId: result.requestId };
  }

  function orderRoll(ctx: Awaited<ReturnType<typeof newChatContext>>, quantity = 1) {
    const roll = f.a.dish("California Roll");
    return submitOrder(ctx, { restaurantId: roll.restaurantId, items: [{ dishId: roll.id, quantity }] }, toolCallId());
  }

  it("ALWAYS for Fancy French: a standing grant; the restriction is lifted but not the premium rule", async () => {
    const { ctx, requestId } = await accessRequest("Fancy French");
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      kind: "RESTAURANT_ACCESS",
      status: "PENDING",
    });

    const result = await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE", scope: "ALWAYS_RESTAURANT" });

    expect(result).toMatchObject({ outcome: "decided", status: "APPROVED" });
    const grants = await db.accessGrant.findMany({ where: { approvalRequestId: requestId } });
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({
      familyId: f.a.familyId,
      childId: f.a.henry.id,
      restaurantId: f.a.restaurant("Fancy French").id,
      scope: "ALWAYS",
      createdById: f.a.jane.id,
      usedAt: null,
    });
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "APPROVED",
      decisionScope: "ALWAYS_RESTAURANT",
    });
    expect(await countAudit(f.a.familyId, "grant.created", grants[0]?.id)).toBe(1);
    expect(await db.order.count({ where: { approvalRequestId: requestId } })).toBe(0);
    // Asking again is not needed any more.
    expect(await submitAccessRequest(ctx, f.a.restaurant("Fancy French").id, toolCallId())).toEqual({
      status: "already-allowed",
      restaurantName: "Fancy French",
    });
    const escargot = f.a.dish("Escargot");
    const order = await submitOrder(
      ctx,
      { restaurantId: escargot.restaurantId, items: [{ dishId: escargot.id, quantity: 1 }] },
      toolCallId(),
    );
    expect(order).toMatchObject({
      status: "pending",
      reasons: ["Escargot costs $15.99, above the $10.00 limit for premium dishes."],
    });
  });

  it("ONCE for Sushi World: the first order spends the grant, the second needs a parent again", async () => {
    const { ctx, requestId } = await accessRequest("Sushi World");
    await decideRequest({ actor: f.a.joe, requestId, decision: "APPROVE", scope: "ONCE" });
    const grant = await db.accessGrant.findFirstOrThrow({ where: { approvalRequestId: requestId } });
    expect(grant).toMatchObject({ scope: "ONCE", usedAt: null });

    const first = await orderRoll(ctx, 1);
    const second = await orderRoll(ctx, 2);

    expect(first).toMatchObject({ status: "placed", totalCents: 699 });
    expect(second).toMatchObject({
      status: "pending",
      reasons: ["Sushi World is a restricted restaurant: a parent has to allow it first."],
    });
    expect((await db.accessGrant.findUniqueOrThrow({ where: { id: grant.id } })).usedAt).toBeInstanceOf(Date);
    expect(await db.order.count({ where: { chatId: ctx.chatId } })).toBe(1);
  });

  it("ONCE grant under 5 parallel orders: exactly one is placed without a parent", async () => {
    const { ctx, requestId } = await accessRequest("Sushi World");
    await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE" });
    const grant = await db.accessGrant.findFirstOrThrow({ where: { approvalRequestId: requestId } });
    expect(grant.scope).toBe("ONCE");

    const results = await Promise.all([1, 2, 3, 4, 5].map((quantity) => orderRoll(ctx, quantity)));

    expect(results.filter((r) => r.status === "placed")).toHaveLength(1);
    expect(results.filter((r) => r.status === "pending")).toHaveLength(4);
    expect(await db.order.count({ where: { chatId: ctx.chatId } })).toBe(1);
  });

  it("ALWAYS for Sushi World: every later cheap order is placed directly and the grant is kept", async () => {
    const { ctx, requestId } = await accessRequest("Sushi World");
    await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE", scope: "ALWAYS_RESTAURANT" });

    const first = await orderRoll(ctx, 1);
    const second = await orderRoll(ctx, 1);

    expect(first.status).toBe("placed");
    expect(second.status).toBe("placed");
    const grant = await db.accessGrant.findFirstOrThrow({ where: { approvalRequestId: requestId } });
    expect(grant).toMatchObject({ scope: "ALWAYS", usedAt: null });
  });

  it("DENY of an access request creates no grant", async () => {
    await db.accessGrant.updateMany({ where: { childId: f.a.henry.id }, data: { revokedAt: new Date() } });
    const { requestId } = await accessRequest("Sushi World");

    await decideRequest({ actor: f.a.jane, requestId, decision: "DENY", scope: "ALWAYS_RESTAURANT" });

    expect(await db.accessGrant.count({ where: { approvalRequestId: requestId } })).toBe(0);
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "DENIED",
      decisionScope: null,
    });
  });
});
