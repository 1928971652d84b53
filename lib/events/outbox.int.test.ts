// The event outbox as each audience sees it: children their own, parents the family's, nobody another family's.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { decideRequest } from "../approvals/decide";
import { getEventsAfter, getLatestEventId } from "./outbox";

let f: Families;

function audience(actor: Actor) {
  return { familyId: actor.familyId, role: actor.role, userId: actor.id };
}

async function order(child: Actor, dishName: string, family: "a" | "b" = "a") {
  const dish = family === "a" ? f.a.dish(dishName) : f.b.dish(dishName);
  const ctx = await newChatContext(child);
  return submitOrder(ctx, { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity: 1 }] }, toolCallId());
}

beforeAll(async () => {
  f = await loadFamilies();
  // Family A: Henry orders directly and asks for a premium dish (approved); Rose asks (denied). Family B: Dana orders.
  await order(f.a.henry, "Cheese Pizza");
  const henryAsks = await order(f.a.henry, "Deluxe Burger");
  const roseAsks = await order(f.a.rose, "Deluxe Burger");
  await order(f.b.dana, "Bean Taco", "b");
  if (henryAsks.status !== "pending" || roseAsks.status !== "pending") throw new Error("expected requests");
  await decideRequest({ actor: f.a.jane, requestId: henryAsks.requestId, decision: "APPROVE" });
  await decideRequest({ actor: f.a.joe, requestId: roseAsks.requestId, decision: "DENY" });
});

describe("getEventsAfter", () => {
  it("a parent sees every event of the family, in strictly increasing id order", async () => {
    const all = await db.event.findMany({ where: { familyId: f.a.familyId }, orderBy: { id: "asc" } });
    const seen = await getEventsAfter(audience(f.a.jane), 0);

    // order.placed; request.created; request.created; order.placed + request.resolved; request.resolved
    expect(seen.map((e) => e.type)).toEqual([
      "order.placed",
      "request.created",
      "request.created",
      "order.placed",
      "request.resolved",
      "request.resolved",
    ]);
    expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.id).toBeGreaterThan(seen[i - 1]?.id ?? Infinity);
    expect(await getEventsAfter(audience(f.a.joe), 0)).toEqual(seen);
  });

  it("a child sees only its own events", async () => {
    const henry = await getEventsAfter(audience(f.a.henry), 0);
    const rose = await getEventsAfter(audience(f.a.rose), 0);

    expect(henry).toHaveLength(4);
    expect(rose).toHaveLength(2);
    for (const event of henry) expect(event.childId).toBe(f.a.henry.id);
    for (const event of rose) expect(event.childId).toBe(f.a.rose.id);
    expect(rose.map((e) => e.type)).toEqual(["request.created", "request.resolved"]);
    expect(rose[1]?.data).toMatchObject({ status: "DENIED", decidedByName: "Joe" });
  });

  it("family B sees none of family A's events, and A none of B's", async () => {
    const aIds = new Set((await db.event.findMany({ where: { familyId: f.a.familyId } })).map((e) => e.id));
    const bIds = new Set((await db.event.findMany({ where: { familyId: f.b.familyId } })).map((e) => e.id));
    expect(aIds.size).toBeGreaterThan(0);
    expect(bIds.size).toBe(1);

    for (const viewer of [f.b.quinn, f.b.dana]) {
      const seen = await getEventsAfter(audience(viewer), 0);
      expect(seen.map((e) => e.id)).toEqual([...bIds]);
    }
    for (const viewer of [f.a.jane, f.a.henry]) {
      for (const event of await getEventsAfter(audience(viewer), 0)) expect(bIds.has(event.id)).toBe(false);
    }
    // A family A child id in a family B audience still only reads family B.
    const forged = await getEventsAfter({ familyId: f.b.familyId, role: "CHILD", userId: f.a.henry.id }, 0);
    expect(forged).toEqual([]);
  });

  it("replay after a cursor returns exactly the missed events, in order", async () => {
    const all = await getEventsAfter(audience(f.a.jane), 0);
    for (let k = 0; k < all.length; k++) {
      const cursor = all[k]?.id ?? 0;
      expect(await getEventsAfter(audience(f.a.jane), cursor)).toEqual(all.slice(k + 1));
    }
    expect(await getLatestEventId(f.a.familyId)).toBe(all.at(-1)?.id);

    // Events written after a reconnect's cursor: only the new ones come back.
    const cursor = await getLatestEventId(f.a.familyId);
    await order(f.a.rose, "Fries");
    const missed = await getEventsAfter(audience(f.a.jane), cursor);
    expect(missed.map((e) => [e.type, e.childId])).toEqual([["order.placed", f.a.rose.id]]);
    expect(await getEventsAfter(audience(f.a.henry), cursor)).toEqual([]);
    expect(await getEventsAfter(audience(f.a.rose), cursor)).toEqual(missed);
  });

  it("pages by limit without skipping or repeating", async () => {
    const all = await getEventsAfter(audience(f.a.jane), 0);
    const paged = [];
    let cursor = 0;
    for (;;) {
      const page = await getEventsAfter(audience(f.a.jane), cursor, db, 2);
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(2);
      paged.push(...page);
      cursor = page.at(-1)?.id ?? cursor;
    }
    expect(paged).toEqual(all);
  });
});
