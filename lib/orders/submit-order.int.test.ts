// submitOrder (the placeOrder tool's work) against a real SQLite file: what gets written, and what never does.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { submitOrder } from "./submit-order";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

/** Row counts that any refusal must leave unchanged. */
async function counts() {
  const [orders, requests, audit, events] = await Promise.all([
    db.order.count(),
    db.approvalRequest.count(),
    db.auditEvent.count(),
    db.event.count(),
  ]);
  return { orders, requests, audit, events };
}

function order(restaurantId: string, ...lines: Array<[string, number]>) {
  return { restaurantId, items: lines.map(([dishId, quantity]) => ({ dishId, quantity })) };
}

describe("submitOrder", () => {
  it("places a cheap dish at an open restaurant directly: an Order row, no request", async () => {
    const ctx = await newChatContext(f.a.henry);
    const cheese = f.a.dish("Cheese Pizza");
    const before = await counts();

    const result = await submitOrder(ctx, order(f.a.restaurant("Pizza Palace").id, [cheese.id, 2]), toolCallId());

    expect(result).toMatchObject({ status: "placed", restaurantName: "Pizza Palace", totalCents: 1798 });
    if (result.status !== "placed") throw new Error("not placed");
    const row = await db.order.findUniqueOrThrow({ where: { id: result.orderId } });
    expect(row).toMatchObject({
      familyId: f.a.familyId,
      childId: f.a.henry.id,
      chatId: ctx.chatId,
      restaurantId: f.a.restaurant("Pizza Palace").id,
      totalCents: 1798,
      approvalRequestId: null,
      status: "PLACED",
    });
    expect(row.items).toEqual([
      { dishId: cheese.id, name: "Cheese Pizza", quantity: 2, unitPriceCents: 899, lineTotalCents: 1798 },
    ]);
    expect(await db.approvalRequest.count({ where: { chatId: ctx.chatId } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "order.placed", subjectId: row.id } });
    expect(audit).toMatchObject({ actorId: f.a.henry.id, actorRole: "CHILD" });
    expect(await db.event.count({ where: { type: "order.placed", childId: f.a.henry.id } })).toBeGreaterThan(0);
    expect(await counts()).toEqual({
      ...before,
      orders: before.orders + 1,
      audit: before.audit + 1,
      events: before.events + 1,
    });
  });

  it("asks a parent for a premium dish, with the plain-words reason, and places nothing", async () => {
    const ctx = await newChatContext(f.a.henry, "I want the deluxe burger");
    const deluxe = f.a.dish("Deluxe Burger");
    const ordersBefore = await db.order.count();
    const callId = toolCallId();

    const result = await submitOrder(ctx, order(f.a.restaurant("Burger Bonanza").id, [deluxe.id, 1]), callId);

    expect(result).toMatchObject({
      status: "pending",
      reasons: ["Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes."],
      totalCents: 1299,
    });
    if (result.status !== "pending") throw new Error("not pending");
    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: result.requestId } });
    expect(request).toMatchObject({
      familyId: f.a.familyId,
      childId: f.a.henry.id,
      chatId: ctx.chatId,
      toolCallId: callId,
      kind: "ORDER",
      status: "PENDING",
      restaurantId: f.a.restaurant("Burger Bonanza").id,
      childWords: "I want the deluxe burger",
      rulesVersion: 1,
    });
    expect(request.reasons).toEqual([
      { code: "DISH_PREMIUM", dish: "Deluxe Burger", priceCents: 1299, limitCents: 1000 },
    ]);
    expect(request.snapshot).toMatchObject({ kind: "ORDER", totalCents: 1299, items: [{ dishId: deluxe.id }] });
    // Expiry comes from the family's rules (120 minutes).
    const minutes = (request.expiresAt.getTime() - request.createdAt.getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(119.9);
    expect(minutes).toBeLessThan(120.1);
    expect(await db.order.count()).toBe(ordersBefore);
    expect(await db.auditEvent.count({ where: { action: "request.created", subjectId: request.id } })).toBe(1);
    expect(await db.event.count({ where: { type: "request.created", childId: f.a.henry.id } })).toBeGreaterThan(0);
  });

  it("asks a parent for a restricted restaurant without a grant", async () => {
    const ctx = await newChatContext(f.a.henry);
    const roll = f.a.dish("California Roll");

    const result = await submitOrder(ctx, order(f.a.restaurant("Sushi World").id, [roll.id, 1]), toolCallId());

    expect(result).toMatchObject({
      status: "pending",
      reasons: ["Sushi World is a restricted restaurant: a parent has to allow it first."],
    });
    expect(await db.order.count({ where: { chatId: ctx.chatId } })).toBe(0);
    expect(await db.approvalRequest.count({ where: { chatId: ctx.chatId, status: "PENDING" } })).toBe(1);
  });

  it("places Rose's cheap Sushi World dish directly: her standing grant stays usable", async () => {
    const ctx = await newChatContext(f.a.rose);
    const roll = f.a.dish("California Roll");

    const first = await submitOrder(ctx, order(f.a.restaurant("Sushi World").id, [roll.id, 1]), toolCallId());
    const second = await submitOrder(ctx, order(f.a.restaurant("Sushi World").id, [roll.id, 3]), toolCallId());

    expect(first.status).toBe("placed");
    expect(second.status).toBe("placed");
    expect(await db.order.count({ where: { chatId: ctx.chatId, childId: f.a.rose.id } })).toBe(2);
    expect(await db.approvalRequest.count({ where: { chatId: ctx.chatId } })).toBe(0);
    const grant = await db.accessGrant.findFirstOrThrow({ where: { childId: f.a.rose.id } });
    expect(grant).toMatchObject({ scope: "ALWAYS", usedAt: null, revokedAt: null });
  });

  it("merges the same pending order asked twice into one request", async () => {
    const ctx = await newChatContext(f.a.henry);
    const pepperoni = f.a.dish("Pepperoni Pizza");
    const input = order(f.a.restaurant("Pizza Palace").id, [pepperoni.id, 1]);

    const first = await submitOrder(ctx, input, toolCallId());
    const second = await submitOrder(ctx, input, toolCallId());

    if (first.status !== "pending" || second.status !== "pending") throw new Error("expected two pending results");
    expect(second.requestId).toBe(first.requestId);
    expect(await db.approvalRequest.count({ where: { chatId: ctx.chatId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "request.created", subjectId: first.requestId } })).toBe(1);
  });

  it("refuses the 6th distinct pending request with a clear message and writes nothing", async () => {
    // Dana of family B starts with nothing pending: her cap (5) is all ours.
    const ctx = await newChatContext(f.b.dana);
    const taco = f.b.restaurant("Taco Town");
    const burrito = f.b.dish("Steak Burrito");
    for (let quantity = 1; quantity <= 5; quantity++) {
      const result = await submitOrder(ctx, order(taco.id, [burrito.id, quantity]), toolCallId());
      expect(result.status).toBe("pending");
    }
    expect(await db.approvalRequest.count({ where: { childId: f.b.dana.id, status: "PENDING" } })).toBe(5);
    const before = await counts();

    const sixth = await submitOrder(ctx, order(taco.id, [burrito.id, 6]), toolCallId());

    expect(sixth).toEqual({
      status: "refused",
      message: "There are already 5 requests waiting for a parent. Please wait for an answer before asking again.",
    });
    expect(await counts()).toEqual(before);
    // A dish that needs no parent is still placed while the cap is reached.
    const cheap = await submitOrder(ctx, order(taco.id, [f.b.dish("Bean Taco").id, 1]), toolCallId());
    expect(cheap.status).toBe("placed");
    // Asking again for one that is already pending merges into it instead of being refused.
    const again = await submitOrder(ctx, order(taco.id, [burrito.id, 3]), toolCallId());
    expect(again.status).toBe("pending");
    expect(await db.approvalRequest.count({ where: { childId: f.b.dana.id, status: "PENDING" } })).toBe(5);
  });

  it("refuses a dish of another restaurant, and a dish of family B, writing nothing", async () => {
    const ctx = await newChatContext(f.a.henry);
    const pizzaPalace = f.a.restaurant("Pizza Palace").id;
    const before = await counts();

    const otherRestaurant = await submitOrder(ctx, order(pizzaPalace, [f.a.dish("Fries").id, 1]), toolCallId());
    const otherFamily = await submitOrder(ctx, order(pizzaPalace, [f.b.dish("Bean Taco").id, 1]), toolCallId());
    const mixed = await submitOrder(
      ctx,
      order(pizzaPalace, [f.a.dish("Cheese Pizza").id, 1], [f.b.dish("Bean Taco").id, 1]),
      toolCallId(),
    );
    // Family B's restaurant is not found for a family A child at all.
    const foreignRestaurant = await submitOrder(
      ctx,
      order(f.b.restaurant("Taco Town").id, [f.b.dish("Bean Taco").id, 1]),
      toolCallId(),
    );

    for (const result of [otherRestaurant, otherFamily, mixed]) {
      expect(result).toEqual({
        status: "refused",
        message: "Some of those dishes are not on the menu at Pizza Palace.",
      });
    }
    expect(foreignRestaurant).toEqual({ status: "refused", message: "I couldn't find that restaurant." });
    expect(await counts()).toEqual(before);
  });

  it("refuses an unknown restaurant id, writing nothing", async () => {
    const ctx = await newChatContext(f.a.henry);
    const before = await counts();

    const result = await submitOrder(ctx, order("no-such-restaurant", [f.a.dish("Cheese Pizza").id, 1]), toolCallId());

    expect(result).toEqual({ status: "refused", message: "I couldn't find that restaurant." });
    expect(await counts()).toEqual(before);
  });
});
