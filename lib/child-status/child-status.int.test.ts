// getChildStatus on a real SQLite copy: what waits, what was ordered in the family's local today, what is left.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submitQuestion } from "@/lib/approvals/ask-parent";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { getChildHeaderStatus, getChildStatus } from "./index";

let f: Families;
const extraRules: string[] = [];

beforeAll(async () => {
  f = await loadFamilies();
});

beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
  await db.order.deleteMany({ where: { familyId: f.a.familyId } });
});

afterEach(async () => {
  await db.rules.deleteMany({ where: { id: { in: extraRules.splice(0) } } });
});

/** A new rules version copying the latest, as a parent's change on /family would write it. */
async function setRules(change: { timeZone?: string; childBudgets?: Record<string, unknown> }) {
  const {
    id: _id,
    createdAt: _createdAt,
    ...latest
  } = await db.rules.findFirstOrThrow({
    where: { familyId: f.a.familyId },
    orderBy: { version: "desc" },
  });
  const row = await db.rules.create({
    data: { ...latest, childBudgets: latest.childBudgets as object, ...change, version: latest.version + 1 },
  });
  extraRules.push(row.id);
}

async function orderAt(createdAt: Date, dishName = "Cheese Pizza", child = f.a.henry) {
  const dish = f.a.dish(dishName);
  const line = {
    dishId: dish.id,
    name: dish.name,
    quantity: 1,
    unitPriceCents: dish.priceCents,
    lineTotalCents: dish.priceCents,
  };
  return db.order.create({
    data: {
      familyId: f.a.familyId,
      childId: child.id,
      restaurantId: dish.restaurantId,
      items: [line],
      totalCents: dish.priceCents,
      createdAt,
    },
  });
}

describe("getChildStatus", () => {
  it("lists the child's own pending requests with a short summary each", async () => {
    const ctx = await newChatContext(f.a.henry);
    const deluxe = f.a.dish("Deluxe Burger");
    await submitOrder(
      ctx,
      { restaurantId: deluxe.restaurantId, items: [{ dishId: deluxe.id, quantity: 2 }] },
      toolCallId(),
    );
    await submitQuestion(ctx, "Can I have dessert tonight?", toolCallId());
    await submitQuestion(await newChatContext(f.a.rose), "Rose's own question?", toolCallId());

    const status = await getChildStatus({ familyId: f.a.familyId, childId: f.a.henry.id });

    expect(status.pending.map((p) => [p.kind, p.summary])).toEqual([
      ["ORDER", "2× Deluxe Burger from Burger Bonanza ($25.98)"],
      ["QUESTION", "your question “Can I have dessert tonight?”"],
    ]);
    expect(await getChildHeaderStatus({ familyId: f.a.familyId, childId: f.a.henry.id })).toEqual({
      pendingCount: 2,
      remainingTodayCents: null,
    });
  });

  it("another family's id finds nothing", async () => {
    await submitQuestion(await newChatContext(f.a.henry), "Can I have dessert tonight?", toolCallId());
    const status = await getChildStatus({ familyId: f.b.familyId, childId: f.a.henry.id });
    expect(status.pending).toEqual([]);
  });

  it("today is the family's local day, and the budget left comes from the rules", async () => {
    // 06:00 UTC on 25 Nov is 22:00 on 24 Nov in Los Angeles (UTC−8): its day began at 08:00 UTC on the 24th.
    const now = new Date("2026-11-25T06:00:00Z");
    const localToday = await orderAt(new Date("2026-11-24T09:00:00Z")); // 01:00 on the 24th in LA
    await orderAt(new Date("2026-11-24T07:00:00Z"), "Fries"); // 23:00 on the 23rd in LA
    await orderAt(new Date("2026-11-24T10:00:00Z"), "Cheese Pizza", f.a.rose); // Rose's, not Henry's
    const scope = { familyId: f.a.familyId, childId: f.a.henry.id, now };

    // In UTC neither of Henry's orders is today's.
    await setRules({ timeZone: "UTC" });
    expect((await getChildStatus(scope)).orderedToday).toEqual([]);

    await setRules({
      timeZone: "America/Los_Angeles",
      childBudgets: { [f.a.henry.id]: { dailyCents: 2000, weeklyCents: 5000 } },
    });
    const status = await getChildStatus(scope);
    expect(status.orderedToday).toEqual([
      {
        orderId: localToday.id,
        restaurantName: "Pizza Palace",
        items: [expect.objectContaining({ name: "Cheese Pizza", quantity: 1 })],
        totalCents: 899,
      },
    ]);
    expect(status).toMatchObject({
      spentTodayCents: 899,
      remainingTodayCents: 2000 - 899,
      dailyBudgetCents: 2000,
      weeklyBudgetCents: 5000,
    });
  });

  it("what is left is the smaller of the daily and weekly budgets, never below zero", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    await orderAt(new Date("2026-11-24T12:00:00Z"), "Deluxe Burger"); // earlier this week (Monday 23rd–)
    await orderAt(new Date("2026-11-25T09:00:00Z"), "Cheese Pizza");
    const scope = { familyId: f.a.familyId, childId: f.a.henry.id, now };

    await setRules({ timeZone: "UTC", childBudgets: { [f.a.henry.id]: { dailyCents: 5000, weeklyCents: 2500 } } });
    expect(await getChildHeaderStatus(scope)).toEqual({ pendingCount: 0, remainingTodayCents: 2500 - 1299 - 899 });

    await setRules({ timeZone: "UTC", childBudgets: { [f.a.henry.id]: { dailyCents: 500, weeklyCents: null } } });
    expect(await getChildHeaderStatus(scope)).toEqual({ pendingCount: 0, remainingTodayCents: 0 });
  });
});
