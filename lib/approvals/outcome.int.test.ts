// claimUnreportedOutcomes: each decided request is told in its chat exactly once, read from the database.
import { beforeAll, describe, expect, it } from "vitest";
import type { ApprovalOutcomeOutput } from "@/lib/ai/tools/contracts";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { decideRequest } from "./decide";
import { claimUnreportedOutcomes, getChatWithUntoldOutcome } from "./outcome";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

async function decidedOrder(child: Actor, decision: "APPROVE" | "DENY", note?: string) {
  const ctx = await newChatContext(child);
  const deluxe = f.a.dish("Deluxe Burger");
  const result = await submitOrder(
    ctx,
    { restaurantId: deluxe.restaurantId, items: [{ dishId: deluxe.id, quantity: 1 }] },
    toolCallId(),
  );
  if (result.status !== "pending") throw new Error(`expected pending, got ${JSON.stringify(result)}`);
  await decideRequest({ actor: f.a.jane, requestId: result.requestId, decision, note });
  const scope = { chatId: ctx.chatId, childId: child.id, familyId: child.familyId };
  return { scope, requestId: result.requestId };
}

function claim(scope: { chatId: string; childId: string; familyId: string }) {
  return db.$transaction((tx) => claimUnreportedOutcomes(tx, scope));
}

describe("claimUnreportedOutcomes", () => {
  it("returns an approved order's outcome once, with the placed order's items; then nothing", async () => {
    const { scope, requestId } = await decidedOrder(f.a.henry, "APPROVE");
    const order = await db.order.findUniqueOrThrow({ where: { approvalRequestId: requestId } });

    const first = await claim(scope);
    const second = await claim(scope);

    expect(first).toEqual([
      {
        requestId,
        kind: "ORDER",
        status: "APPROVED",
        restaurantName: "Burger Bonanza",
        decidedByName: "Jane",
        note: null,
        order: { orderId: order.id, items: order.items, totalCents: 1299 },
        scope: "ONCE",
      },
    ]);
    expect(first[0]?.order?.items).toEqual([
      expect.objectContaining({ name: "Deluxe Burger", quantity: 1, unitPriceCents: 1299 }),
    ]);
    expect(second).toEqual([]);
    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.reportedAt).toBeInstanceOf(Date);
  });

  it("5 parallel claims: exactly one returns the outcome", async () => {
    const { scope, requestId } = await decidedOrder(f.a.henry, "APPROVE");

    const results = await Promise.all(Array.from({ length: 5 }, () => claim(scope)));

    const winners = results.filter((r) => r.length > 0);
    expect(winners).toHaveLength(1);
    expect(winners[0]?.map((o) => o.requestId)).toEqual([requestId]);
    expect(results.flat()).toHaveLength(1);
  });

  it("only the chat's own child (and family) can claim it", async () => {
    const { scope, requestId } = await decidedOrder(f.a.henry, "APPROVE");

    expect(await claim({ ...scope, childId: f.a.rose.id })).toEqual([]);
    expect(await claim({ ...scope, childId: f.b.dana.id, familyId: f.b.familyId })).toEqual([]);
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).reportedAt).toBeNull();
    expect((await claim(scope)).map((o) => o.requestId)).toEqual([requestId]);
  });

  it("a pending request is not an outcome yet", async () => {
    const ctx = await newChatContext(f.a.henry);
    const deluxe = f.a.dish("Deluxe Burger");
    await submitOrder(
      ctx,
      { restaurantId: deluxe.restaurantId, items: [{ dishId: deluxe.id, quantity: 2 }] },
      toolCallId(),
    );
    expect(await claim({ chatId: ctx.chatId, childId: f.a.henry.id, familyId: f.a.familyId })).toEqual([]);
  });

  it("a denied order carries the note and alternatives the child may order without asking", async () => {
    const { scope, requestId } = await decidedOrder(f.a.henry, "DENY", "Too pricey today");
    const [outcome] = await claim(scope);

    expect(outcome).toMatchObject({ requestId, status: "DENIED", note: "Too pricey today", decidedByName: "Jane" });
    expect(outcome?.order).toBeUndefined();
    const alternatives = outcome?.alternatives ?? [];
    expect(alternatives.length).toBeGreaterThan(0);
    await expectAllowedFor(f.a.henry, alternatives);
    // Same restaurant first, cheapest first; Henry has no Sushi World grant, so no California Roll ($6.99).
    expect(alternatives.map((a) => a.name)).toEqual(["Fries", "Classic Burger", "Cheese Pizza"]);
    for (const alternative of alternatives) expect(alternative.premium).toBe(false);
  });

  it("Rose's alternatives include her granted restaurant's cheap dishes, never another family's", async () => {
    const { scope } = await decidedOrder(f.a.rose, "DENY");
    const [outcome] = await claim(scope);

    const alternatives = outcome?.alternatives ?? [];
    await expectAllowedFor(f.a.rose, alternatives);
    expect(alternatives.map((a) => `${a.name} @ ${a.restaurantName}`)).toEqual([
      "Fries @ Burger Bonanza",
      "Classic Burger @ Burger Bonanza",
      "California Roll @ Sushi World",
    ]);
    const familyBDishes = await db.dish.findMany({ where: { familyId: f.b.familyId }, select: { id: true } });
    for (const dish of familyBDishes) expect(alternatives.map((a) => a.id)).not.toContain(dish.id);
  });
});

/** Every alternative costs at most the premium limit and comes from an open or granted restaurant of the family. */
async function expectAllowedFor(child: Actor, alternatives: NonNullable<ApprovalOutcomeOutput["alternatives"]>) {
  const grants = await db.accessGrant.findMany({ where: { childId: child.id, revokedAt: null, usedAt: null } });
  for (const alternative of alternatives) {
    const dish = await db.dish.findUniqueOrThrow({ where: { id: alternative.id }, include: { restaurant: true } });
    expect(dish.familyId).toBe(child.familyId);
    expect(dish.priceCents).toBe(alternative.priceCents);
    expect(alternative.priceCents).toBeLessThanOrEqual(1000);
    expect(dish.archived || dish.restaurant.archived).toBe(false);
    const allowed = !dish.restaurant.restricted || grants.some((g) => g.restaurantId === dish.restaurantId);
    expect(allowed, `${dish.name} at ${dish.restaurant.name}`).toBe(true);
  }
}

describe("claimUnreportedOutcomes: edits and scopes", () => {
  it("an order approved with changes: the changes in words, the placed order, the scope", async () => {
    await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
    const ctx = await newChatContext(f.a.henry);
    const deluxe = f.a.dish("Deluxe Burger");
    const classic = f.a.dish("Classic Burger");
    const result = await submitOrder(
      ctx,
      { restaurantId: deluxe.restaurantId, items: [{ dishId: deluxe.id, quantity: 2 }] },
      toolCallId(),
    );
    if (result.status !== "pending") throw new Error("expected pending");
    await decideRequest({
      actor: f.a.joe,
      requestId: result.requestId,
      decision: "APPROVE",
      edit: { items: [{ dishId: classic.id, quantity: 1, replaces: deluxe.id }] },
    });

    const [outcome] = await claim({ chatId: ctx.chatId, childId: f.a.henry.id, familyId: f.a.familyId });

    expect(outcome).toMatchObject({
      status: "APPROVED",
      changes: ["Deluxe Burger replaced by Classic Burger (2 → 1)"],
      scope: "ONCE",
      order: {
        items: [{ dishId: classic.id, name: "Classic Burger", quantity: 1, unitPriceCents: 799, lineTotalCents: 799 }],
        totalCents: 799,
      },
    });
  });

  it("alternatives after a denial include a premium dish the child is always allowed", async () => {
    await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
    const ctx = await newChatContext(f.a.henry);
    const deluxe = f.a.dish("Deluxe Burger");
    const result = await submitOrder(
      ctx,
      { restaurantId: deluxe.restaurantId, items: [{ dishId: deluxe.id, quantity: 3 }] },
      toolCallId(),
    );
    if (result.status !== "pending") throw new Error("expected pending");
    // While the request waits, another decision always allows Deluxe Burger for Henry; this one is denied.
    const grant = await db.accessGrant.create({
      data: {
        familyId: f.a.familyId,
        childId: f.a.henry.id,
        restaurantId: deluxe.restaurantId,
        dishId: deluxe.id,
        scope: "ALWAYS",
      },
    });
    try {
      await decideRequest({ actor: f.a.jane, requestId: result.requestId, decision: "DENY" });
      const [outcome] = await claim({ chatId: ctx.chatId, childId: f.a.henry.id, familyId: f.a.familyId });
      expect(outcome?.alternatives?.map((a) => [a.name, a.premium])).toEqual([
        ["Fries", false],
        ["Classic Burger", false],
        ["Deluxe Burger", false],
      ]);
    } finally {
      await db.accessGrant.update({ where: { id: grant.id }, data: { revokedAt: new Date() } });
    }
  });
});

describe("getChatWithUntoldOutcome", () => {
  it("names the chat with an untold answer, or for one chat says whether it has one, until it is told", async () => {
    const { scope } = await decidedOrder(f.a.henry, "APPROVE");
    const child = { childId: scope.childId, familyId: scope.familyId };
    const other = await newChatContext(f.a.henry);

    expect(await getChatWithUntoldOutcome({ ...child, chatId: scope.chatId })).toBe(scope.chatId);
    expect(await getChatWithUntoldOutcome({ ...child, chatId: other.chatId })).toBeNull();
    expect(
      await getChatWithUntoldOutcome({ childId: f.a.rose.id, familyId: scope.familyId, chatId: scope.chatId }),
    ).toBeNull();

    await claim(scope);
    expect(await getChatWithUntoldOutcome({ ...child, chatId: scope.chatId })).toBeNull();
  });
});
