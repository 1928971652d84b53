// cancelPendingRequests: only pending requests of the family move, each once, and a decision that won is kept.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { removeRestaurant } from "@/lib/family/restaurants";
import { submitOrder } from "@/lib/orders/submit-order";
import { countAudit, type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { cancelPendingRequests } from "./cancel";
import { decideRequest } from "./decide";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
});

async function pending(child: Families["a"]["henry"], dishName: string, dishOf = f.a.dish) {
  const dish = dishOf(dishName);
  const ctx = await newChatContext(child);
  const result = await submitOrder(
    ctx,
    { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity: 1 }] },
    toolCallId(),
  );
  if (result.status !== "pending") throw new Error(`expected pending, got ${JSON.stringify(result)}`);
  return result.requestId;
}

describe("cancelPendingRequests", () => {
  it("cancels the matching pending requests of this family only, once each", async () => {
    const mine = await pending(f.a.henry, "Deluxe Burger");
    const decided = await pending(f.a.rose, "Deluxe Burger");
    await decideRequest({ actor: f.a.joe, requestId: decided, decision: "DENY" });
    const theirs = await pending(f.b.dana, "Steak Burrito", f.b.dish);

    const where = { id: { in: [mine, decided, theirs] } };
    const message = "Test: cancelled.";
    const first = await db.$transaction((tx) =>
      cancelPendingRequests(tx, { familyId: f.a.familyId, where, message, actor: f.a.jane }),
    );
    const second = await db.$transaction((tx) =>
      cancelPendingRequests(tx, { familyId: f.a.familyId, where, message, actor: f.a.jane }),
    );

    expect(first).toEqual([mine]);
    expect(second).toEqual([]);
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: mine } })).toMatchObject({
      status: "CANCELLED",
      note: message,
    });
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: decided } })).toMatchObject({ status: "DENIED" });
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: theirs } })).toMatchObject({ status: "PENDING" });
    expect(await countAudit(f.a.familyId, "request.cancelled", mine)).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "request.cancelled", subjectId: mine } });
    expect(audit).toMatchObject({ actorId: f.a.jane.id, actorRole: "PARENT", childId: f.a.henry.id });
    expect(audit.data).toEqual({ childId: f.a.henry.id, message });
  });

  it("a decision racing a removal: exactly one wins, and the loser changes nothing", async () => {
    const restaurant = await db.restaurant.create({
      data: { familyId: f.a.familyId, name: "Race Cafe" },
    });
    const dish = await db.dish.create({
      data: { familyId: f.a.familyId, restaurantId: restaurant.id, name: "Fast Feast", priceCents: 1500 },
    });
    const ctx = await newChatContext(f.a.henry);
    const result = await submitOrder(
      ctx,
      { restaurantId: restaurant.id, items: [{ dishId: dish.id, quantity: 1 }] },
      toolCallId(),
    );
    if (result.status !== "pending") throw new Error("expected pending");

    const [decision] = await Promise.all([
      decideRequest({ actor: f.a.joe, requestId: result.requestId, decision: "APPROVE" }),
      removeRestaurant(f.a.jane, { restaurantId: restaurant.id }),
    ]);

    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: result.requestId } });
    const orders = await db.order.count({ where: { approvalRequestId: request.id } });
    const cancelled = await countAudit(f.a.familyId, "request.cancelled", request.id);
    const approved = await countAudit(f.a.familyId, "request.approved", request.id);
    if (request.status === "APPROVED") {
      expect(decision).toMatchObject({ outcome: "decided", status: "APPROVED" });
      expect([orders, cancelled, approved]).toEqual([1, 0, 1]);
    } else {
      expect(request.status).toBe("CANCELLED");
      expect(decision.outcome).not.toBe("decided");
      expect([orders, cancelled, approved]).toEqual([0, 1, 0]);
    }
    const resolved = await db.event.findMany({ where: { type: "request.resolved", childId: f.a.henry.id } });
    expect(resolved.filter((e) => (e.data as { requestId: string }).requestId === request.id)).toHaveLength(1);
  });
});
