// Restaurants and dishes through the real services and a real SQLite file.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getCatalogue } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { submitOrder } from "@/lib/orders/submit-order";
import { countAudit, type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { createDish, removeDish, updateDish } from "./dishes";
import { createRestaurant, removeRestaurant, updateRestaurant } from "./restaurants";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
});

async function lastAudit(action: string) {
  return db.auditEvent.findFirstOrThrow({ where: { familyId: f.a.familyId, action }, orderBy: { seq: "desc" } });
}

async function expectBadInput(promise: Promise<unknown>, field: string, message: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).details?.fieldErrors).toMatchObject({ [field]: expect.stringContaining(message) });
}

async function expectNotFound(promise: Promise<unknown>) {
  await expect(promise).rejects.toMatchObject({ type: "not_found" });
}

async function counts() {
  const [restaurants, dishes, audit] = await Promise.all([
    db.restaurant.count(),
    db.dish.count(),
    db.auditEvent.count(),
  ]);
  return { restaurants, dishes, audit };
}

/** A pending order of one dish for Henry (he asks a parent because of the premium limit or a restriction). */
async function pendingOrderOf(dishName: string, child = f.a.henry) {
  const ctx = await newChatContext(child);
  const dish = f.a.dish(dishName);
  const result = await submitOrder(
    ctx,
    { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity: 1 }] },
    toolCallId(),
  );
  if (result.status !== "pending") throw new Error(`expected pending, got ${JSON.stringify(result)}`);
  return { ctx, requestId: result.requestId };
}

describe("restaurants", () => {
  it("adds a restaurant with one audit row, and it shows in the child's catalogue", async () => {
    const before = await countAudit(f.a.familyId, "restaurant.created");
    const created = await createRestaurant(f.a.jane, { name: "  Noodle Bar ", restricted: true });
    expect(created.name).toBe("Noodle Bar");
    expect(await countAudit(f.a.familyId, "restaurant.created")).toBe(before + 1);
    expect((await lastAudit("restaurant.created")).data).toEqual({ restaurant: "Noodle Bar", restricted: true });
    const catalogue = await getCatalogue({ familyId: f.a.familyId });
    expect(catalogue.find((r) => r.id === created.id)).toMatchObject({ restricted: true });
  });

  it.each([
    [{ name: "", restricted: false }, "name", "Enter a name"],
    [{ name: "x".repeat(61), restricted: false }, "name", "60 characters"],
    [{ name: "pizza PALACE", restricted: false }, "name", "already a restaurant called Pizza Palace"],
  ])("refuses %j and changes nothing", async (input, field, message) => {
    const before = await counts();
    await expectBadInput(createRestaurant(f.a.jane, input), field, message);
    expect(await counts()).toEqual(before);
  });

  it("a name used in another family is free in this one", async () => {
    const created = await createRestaurant(f.a.jane, { name: "Taco Town", restricted: false });
    expect(created.name).toBe("Taco Town");
  });

  it("renames and restricts in one audited change; an unchanged form writes nothing", async () => {
    const { id } = await createRestaurant(f.a.jane, { name: "Soup Spot", restricted: false });
    const changes = await updateRestaurant(f.a.joe, { restaurantId: id, name: "Soup Place", restricted: true });
    expect(changes).toEqual(["Name: Soup Spot → Soup Place", "Now restricted"]);
    expect((await lastAudit("restaurant.updated")).data).toMatchObject({
      restaurant: "Soup Place",
      previousName: "Soup Spot",
      restricted: true,
      changes,
    });
    const audit = await db.auditEvent.count();
    expect(await updateRestaurant(f.a.joe, { restaurantId: id, name: "Soup Place", restricted: true })).toEqual([]);
    expect(await db.auditEvent.count()).toBe(audit);
    await expectBadInput(
      updateRestaurant(f.a.joe, { restaurantId: id, name: "burger bonanza", restricted: true }),
      "name",
      "already a restaurant",
    );
  });

  it("another family's restaurant is not found, and nothing changes", async () => {
    const taco = f.b.restaurant("Taco Town");
    const before = await counts();
    await expectNotFound(updateRestaurant(f.a.jane, { restaurantId: taco.id, name: "Mine", restricted: true }));
    await expectNotFound(removeRestaurant(f.a.jane, { restaurantId: taco.id }));
    await expectNotFound(createDish(f.a.jane, { restaurantId: taco.id, name: "Nachos", price: "5" }));
    expect(await counts()).toEqual(before);
    expect(await db.restaurant.findUniqueOrThrow({ where: { id: taco.id } })).toMatchObject({
      name: "Taco Town",
      archived: false,
    });
  });

  it("removing archives it, cancels its pending requests (note, event, audit) and leaves others alone", async () => {
    const { id } = await createRestaurant(f.a.jane, { name: "Gone Grill", restricted: false });
    const steak = await createDish(f.a.jane, { restaurantId: id, name: "Big Steak", price: "25" });
    const ctx = await newChatContext(f.a.henry);
    const pending = await submitOrder(
      ctx,
      { restaurantId: id, items: [{ dishId: steak.id, quantity: 1 }] },
      toolCallId(),
    );
    expect(pending.status).toBe("pending");
    const other = await pendingOrderOf("Deluxe Burger", f.a.rose);

    const result = await removeRestaurant(f.a.jane, { restaurantId: id });

    expect(result).toEqual({ name: "Gone Grill", cancelled: 1 });
    expect(await db.restaurant.findUniqueOrThrow({ where: { id } })).toMatchObject({
      archived: true,
      name: "Gone Grill",
    });
    const request = await db.approvalRequest.findFirstOrThrow({ where: { chatId: ctx.chatId } });
    expect(request).toMatchObject({
      status: "CANCELLED",
      note: "Gone Grill was removed by a parent, so this request was cancelled.",
    });
    const events = await db.event.findMany({ where: { type: "request.resolved", childId: f.a.henry.id } });
    expect(events.map((e) => e.data)).toContainEqual({
      requestId: request.id,
      chatId: ctx.chatId,
      status: "CANCELLED",
      decidedByName: "Jane",
    });
    expect(await countAudit(f.a.familyId, "request.cancelled", request.id)).toBe(1);
    expect((await lastAudit("restaurant.removed")).data).toEqual({ restaurant: "Gone Grill", cancelledRequests: 1 });
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: other.requestId } })).toMatchObject({
      status: "PENDING",
    });
    expect((await getCatalogue({ familyId: f.a.familyId })).some((r) => r.id === id)).toBe(false);
    await expectNotFound(removeRestaurant(f.a.jane, { restaurantId: id }));
  });

  it("a removed restaurant's name can be used again; the old row is renamed, its history kept", async () => {
    const old = await createRestaurant(f.a.jane, { name: "Phoenix Diner", restricted: false });
    await removeRestaurant(f.a.jane, { restaurantId: old.id });
    const again = await createRestaurant(f.a.jane, { name: "phoenix diner", restricted: false });
    expect(again.id).not.toBe(old.id);
    const renamed = await db.restaurant.findUniqueOrThrow({ where: { id: old.id } });
    expect(renamed.name).toMatch(/^Phoenix Diner \(removed \d{4}-\d{2}-\d{2}\)$/);
    expect(renamed.archived).toBe(true);
  });
});

describe("dishes", () => {
  it("adds a dish priced in dollars, audited with names and price", async () => {
    const pizza = f.a.restaurant("Pizza Palace");
    const dish = await createDish(f.a.jane, { restaurantId: pizza.id, name: "Margherita", price: "9.50" });
    expect(dish).toMatchObject({ name: "Margherita", priceCents: 950 });
    expect((await lastAudit("dish.created")).data).toEqual({
      restaurant: "Pizza Palace",
      dish: "Margherita",
      priceCents: 950,
    });
  });

  it.each([
    [{ name: "Soup", price: "-1" }, "price", "negative"],
    [{ name: "Soup", price: "0" }, "price", "more than $0.00"],
    [{ name: "Soup", price: "1000.01" }, "price", "$1,000.00"],
    [{ name: "Soup", price: "2.555" }, "price", "2 decimals"],
    [{ name: "Soup", price: "" }, "price", "Enter an amount"],
    [{ name: "", price: "3" }, "name", "Enter a name"],
    [{ name: "FRIES", price: "3" }, "name", "already has a dish called Fries"],
  ])("refuses %j and changes nothing", async (input, field, message) => {
    const burger = f.a.restaurant("Burger Bonanza");
    const before = await counts();
    await expectBadInput(createDish(f.a.jane, { restaurantId: burger.id, ...input }), field, message);
    expect(await counts()).toEqual(before);
  });

  it("the same dish name is fine at another restaurant", async () => {
    const pizza = f.a.restaurant("Pizza Palace");
    expect((await createDish(f.a.jane, { restaurantId: pizza.id, name: "Fries", price: "3" })).name).toBe("Fries");
  });

  it("edits name and price; a pending request keeps the price it was asked with", async () => {
    const burger = f.a.restaurant("Burger Bonanza");
    const dish = await createDish(f.a.jane, { restaurantId: burger.id, name: "Onion Rings", price: "12.00" });
    const ctx = await newChatContext(f.a.henry);
    const pending = await submitOrder(
      ctx,
      { restaurantId: burger.id, items: [{ dishId: dish.id, quantity: 1 }] },
      toolCallId(),
    );
    if (pending.status !== "pending") throw new Error("expected pending");

    const changes = await updateDish(f.a.jane, { dishId: dish.id, name: "Onion Hoops", price: "4" });
    expect(changes).toEqual(["Name: Onion Rings → Onion Hoops", "Price: $12.00 → $4.00"]);
    expect((await lastAudit("dish.updated")).data).toMatchObject({
      restaurant: "Burger Bonanza",
      dish: "Onion Hoops",
      previousName: "Onion Rings",
      priceCents: 400,
      previousPriceCents: 1200,
    });
    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: pending.requestId } });
    expect((request.snapshot as { totalCents: number }).totalCents).toBe(1200);
    await expectBadInput(updateDish(f.a.jane, { dishId: dish.id, name: "Fries", price: "4" }), "name", "already");
  });

  it("another family's dish is not found", async () => {
    const taco = f.b.dish("Bean Taco");
    await expectNotFound(updateDish(f.a.jane, { dishId: taco.id, name: "Mine", price: "1" }));
    await expectNotFound(removeDish(f.a.jane, { dishId: taco.id }));
    expect(await db.dish.findUniqueOrThrow({ where: { id: taco.id } })).toMatchObject({
      name: "Bean Taco",
      priceCents: 499,
      archived: false,
    });
  });

  it("removing a dish cancels only the pending orders that contain it", async () => {
    const burger = f.a.restaurant("Burger Bonanza");
    const dish = await createDish(f.a.jane, { restaurantId: burger.id, name: "Giant Shake", price: "11" });
    const ctx = await newChatContext(f.a.henry);
    const withIt = await submitOrder(
      ctx,
      { restaurantId: burger.id, items: [{ dishId: dish.id, quantity: 1 }] },
      toolCallId(),
    );
    if (withIt.status !== "pending") throw new Error("expected pending");
    const without = await pendingOrderOf("Deluxe Burger");

    const result = await removeDish(f.a.jane, { dishId: dish.id });

    expect(result.cancelled).toBe(1);
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: withIt.requestId } })).toMatchObject({
      status: "CANCELLED",
      note: "Giant Shake was removed from the menu of Burger Bonanza by a parent, so this request was cancelled.",
    });
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: without.requestId } })).toMatchObject({
      status: "PENDING",
    });
    expect((await lastAudit("dish.removed")).data).toEqual({
      restaurant: "Burger Bonanza",
      dish: "Giant Shake",
      priceCents: 1100,
      cancelledRequests: 1,
    });
    const menu = await getCatalogue({ familyId: f.a.familyId });
    expect(menu.flatMap((r) => r.dishes).some((d) => d.id === dish.id)).toBe(false);
    // The name is free again on that menu.
    expect((await createDish(f.a.jane, { restaurantId: burger.id, name: "Giant Shake", price: "9" })).priceCents).toBe(
      900,
    );
  });
});
