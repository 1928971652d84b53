// What the inbox shows: the edit menu and scope choices of a pending order, edits and answers of decided ones.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { answerQuestion } from "./answer";
import { createApprovalRequest } from "./create";
import { decideRequest } from "./decide";
import { getInbox } from "./queries";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
});

const deluxeRestaurant = () => f.a.dish("Deluxe Burger").restaurantId;

async function pendingDeluxe(quantity: number) {
  const deluxe = f.a.dish("Deluxe Burger");
  const result = await submitOrder(
    await newChatContext(f.a.henry),
    { restaurantId: deluxe.restaurantId, items: [{ dishId: deluxe.id, quantity }] },
    toolCallId(),
  );
  if (result.status !== "pending") throw new Error("expected pending");
  return result.requestId;
}

describe("getInbox", () => {
  it("a pending order of a child with a budget shows what the child has spent by now; without a budget, nothing", async () => {
    const latest = await db.rules.findFirstOrThrow({ where: { familyId: f.a.familyId }, orderBy: { version: "desc" } });
    const { id: _id, createdAt: _createdAt, ...copy } = latest;
    const budgeted = await db.rules.create({
      data: {
        ...copy,
        version: latest.version + 1,
        childBudgets: { [f.a.henry.id]: { dailyCents: 3000, weeklyCents: null } },
      },
    });
    try {
      const requestId = await pendingDeluxe(1);
      // Another order placed since the request was made: the parent sees it in today's spending.
      const fries = f.a.dish("Fries");
      await submitOrder(
        await newChatContext(f.a.henry),
        { restaurantId: fries.restaurantId, items: [{ dishId: fries.id, quantity: 2 }] },
        toolCallId(),
      );
      const spentToday = (
        await db.order.aggregate({
          where: { childId: f.a.henry.id, createdAt: { gte: new Date(Date.now() - 60_000) } },
          _sum: { totalCents: true },
        })
      )._sum.totalCents;
      const roseAsks = await submitOrder(
        await newChatContext(f.a.rose),
        {
          restaurantId: f.a.dish("Deluxe Burger").restaurantId,
          items: [{ dishId: f.a.dish("Deluxe Burger").id, quantity: 1 }],
        },
        toolCallId(),
      );

      const { pending } = await getInbox({ familyId: f.a.familyId });
      expect(pending.find((p) => p.id === requestId)?.standing).toEqual({
        spentTodayCents: spentToday,
        spentWeekCents: expect.any(Number),
        dailyCents: 3000,
        weeklyCents: null,
      });
      expect(roseAsks.status).toBe("pending");
      const rose = pending.find((p) => roseAsks.status === "pending" && p.id === roseAsks.requestId);
      expect(rose?.standing).toBeNull();
    } finally {
      await db.rules.delete({ where: { id: budgeted.id } });
    }
  });

  it("a pending order: its restaurant's current menu to edit from, and the scopes it offers", async () => {
    const requestId = await pendingDeluxe(2);
    await pendingDeluxe(3);
    const fries = f.a.dish("Fries");
    await db.dish.update({ where: { id: fries.id }, data: { archived: true } });
    try {
      const { pending, menus } = await getInbox({ familyId: f.a.familyId });
      const item = pending.find((p) => p.id === requestId);
      expect(item?.scopes).toEqual(["ONCE", "ALWAYS_DISH"]);
      // Burger Bonanza's menu now, cheapest first, without the removed Fries and nothing from other restaurants,
      // once for the page however many of its cards are from Burger Bonanza.
      expect(item?.restaurantId).toBe(deluxeRestaurant());
      expect(Object.keys(menus)).toEqual([deluxeRestaurant()]);
      expect(menus[deluxeRestaurant()]?.map((d) => d.name)).toEqual(["Classic Burger", "Deluxe Burger"]);
      expect(item?.edit).toBeNull();
    } finally {
      await db.dish.update({ where: { id: fries.id }, data: { archived: false } });
    }
  });

  it("a decided, edited order: the proposal, the edit and the audited change words", async () => {
    const requestId = await pendingDeluxe(2);
    const classic = f.a.dish("Classic Burger");
    await decideRequest({
      actor: f.a.jane,
      requestId,
      decision: "APPROVE",
      edit: { items: [{ dishId: classic.id, quantity: 2, replaces: f.a.dish("Deluxe Burger").id }] },
    });

    const { decided } = await getInbox({ familyId: f.a.familyId });
    const item = decided.find((d) => d.id === requestId);

    expect(item).toMatchObject({
      status: "APPROVED",
      scope: "ONCE",
      totalCents: 2598,
      items: [expect.objectContaining({ name: "Deluxe Burger", quantity: 2 })],
      edit: {
        totalCents: 1598,
        items: [expect.objectContaining({ name: "Classic Burger", quantity: 2 })],
        changes: ["Deluxe Burger replaced by Classic Burger"],
      },
    });
  });

  it("an answered question: the question and the answer; family B sees none of it", async () => {
    const ctx = await newChatContext(f.a.rose);
    const rules = await getFamilyRules(ctx);
    const { id } = await db.$transaction((tx) =>
      createApprovalRequest(tx, {
        ...ctx,
        toolCallId: toolCallId(),
        snapshot: { kind: "QUESTION", question: "Rose asks: can she stay up late?" },
        reasons: [{ code: "QUESTION_FOR_PARENT" }],
        rules,
      }),
    );
    const before = (await getInbox({ familyId: f.a.familyId })).pending.find((p) => p.id === id);
    expect(before).toMatchObject({ kind: "QUESTION", restaurantId: null, restaurantName: null, scopes: [] });
    await answerQuestion({ actor: f.a.joe, requestId: id, answer: "Not tonight" });

    const item = (await getInbox({ familyId: f.a.familyId })).decided.find((d) => d.id === id);
    expect(item).toMatchObject({
      status: "ANSWERED",
      question: "Rose asks: can she stay up late?",
      note: "Not tonight",
      decidedByName: "Joe",
      reasons: ["Only a parent can answer this question."],
    });
    const other = await getInbox({ familyId: f.b.familyId });
    expect([...other.pending, ...other.decided].map((i) => i.id)).not.toContain(id);
  });
});
