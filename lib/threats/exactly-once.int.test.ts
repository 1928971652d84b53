// THREATS.md rows 9, 10 and 15: what runs is what the parent saw, an approval is used once, and resuming a chat
// again and again never runs the effect again.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { decideRequest } from "@/lib/approvals/decide";
import type { OrderSnapshot } from "@/lib/approvals/snapshot";
import { db } from "@/lib/db";
import { placeOrderFromSnapshot } from "@/lib/orders/place";
import { submitOrder } from "@/lib/orders/submit-order";
import { type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";

let f: Families;
beforeAll(async () => {
  f = await loadFamilies();
  vi.stubEnv("OFFLINE_MODEL_DELAY_MS", "0");
});
beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
});

async function ask(ctx: Awaited<ReturnType<typeof newChatContext>>, dishName: string, quantity = 1) {
  const dish = f.a.dish(dishName);
  return submitOrder(ctx, { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity }] }, toolCallId());
}

describe("row 9: the effect runs from the snapshot the parent saw", () => {
  it("the model calling again with other arguments makes another request; approving the first orders only its dish, at its price", async () => {
    const ctx = await newChatContext(f.a.henry, "I'd like the deluxe burger");
    const first = await ask(ctx, "Deluxe Burger");
    const second = await ask(ctx, "Pepperoni Pizza", 2);
    if (first.status !== "pending" || second.status !== "pending") throw new Error("expected two pending requests");
    expect(second.requestId).not.toBe(first.requestId);

    // Prices move after the request; the approval still buys what was shown.
    const deluxe = f.a.dish("Deluxe Burger");
    await db.dish.update({ where: { id: deluxe.id }, data: { priceCents: 9999 } });
    try {
      await decideRequest({ actor: f.a.jane, requestId: first.requestId, decision: "APPROVE" });
    } finally {
      await db.dish.update({ where: { id: deluxe.id }, data: { priceCents: deluxe.priceCents } });
    }
    const orders = await db.order.findMany({ where: { chatId: ctx.chatId } });
    expect(orders).toHaveLength(1);
    expect(orders[0]?.items).toEqual([
      expect.objectContaining({ dishId: deluxe.id, quantity: 1, unitPriceCents: 1299 }),
    ]);
    expect(await db.approvalRequest.findUnique({ where: { id: second.requestId } })).toMatchObject({
      status: "PENDING",
    });
  });
});

describe("row 10: an approval is used once", () => {
  it("deciding again and placing from the same approval again still leave exactly one order", async () => {
    const ctx = await newChatContext(f.a.henry, "deluxe please");
    const asked = await ask(ctx, "Deluxe Burger");
    if (asked.status !== "pending") throw new Error("expected a pending request");
    await decideRequest({ actor: f.a.jane, requestId: asked.requestId, decision: "APPROVE" });
    await decideRequest({ actor: f.a.joe, requestId: asked.requestId, decision: "APPROVE" });

    // Replaying the effect itself (as a buggy retry would) is stopped by the unique approval id on Order.
    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: asked.requestId } });
    const replay = db.$transaction((tx) =>
      placeOrderFromSnapshot(tx, {
        familyId: request.familyId,
        childId: request.childId,
        chatId: request.chatId,
        snapshot: request.snapshot as unknown as OrderSnapshot,
        actor: { id: f.a.jane.id, role: "PARENT" },
        approvalRequestId: request.id,
      }),
    );
    await expect(replay).rejects.toThrow();
    expect(await db.order.count({ where: { approvalRequestId: asked.requestId } })).toBe(1);
  });
});

describe("row 15: resuming never runs the effect again", () => {
  it("3 resumes at once (a reload and two tabs): 1 order, the outcome stored and told once", async () => {
    const { streamOutcomeReply } = await import("@/lib/chat/resume");
    const ctx = await newChatContext(f.a.henry, "deluxe please");
    const asked = await ask(ctx, "Deluxe Burger");
    if (asked.status !== "pending") throw new Error("expected a pending request");
    await decideRequest({ actor: f.a.jane, requestId: asked.requestId, decision: "APPROVE" });

    const responses = await Promise.all(
      [1, 2, 3].map(() => streamOutcomeReply({ child: f.a.henry, chatId: ctx.chatId })),
    );
    const streams = responses.filter((r): r is Response => r !== null);
    expect(streams).toHaveLength(1);
    await streams[0]?.text();

    expect(await db.order.count({ where: { approvalRequestId: asked.requestId } })).toBe(1);
    const messages = await db.message.findMany({ where: { chatId: ctx.chatId } });
    const told = messages.filter((m) => JSON.stringify(m.parts).includes(`outcome-${asked.requestId}`));
    expect(told).toHaveLength(1);
    // A later resume finds nothing left to tell.
    expect(await streamOutcomeReply({ child: f.a.henry, chatId: ctx.chatId })).toBeNull();
  });
});
