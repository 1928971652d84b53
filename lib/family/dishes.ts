import "server-only";
import { cancelPendingRequests } from "@/lib/approvals/cancel";
import type { OrderSnapshot } from "@/lib/approvals/snapshot";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/authz";
import { lockFamily } from "@/lib/database/family-lock";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notifyFamily } from "@/lib/events/bus";
import { formatCents } from "@/lib/money";
import { claimName } from "./names";
import { type DishInput, dishSchema } from "./schemas";
import { invalidInput, parseInput } from "./validate";

const dishSelect = {
  id: true,
  name: true,
  priceCents: true,
  restaurant: { select: { id: true, name: true } },
} as const;

async function findDish(tx: Tx, familyId: string, dishId: string) {
  const dish = await tx.dish.findFirst({
    where: { id: dishId, familyId, archived: false, restaurant: { archived: false } },
    select: dishSelect,
  });
  if (!dish) throw new AppError("not_found:dish", "That dish does not exist.");
  return dish;
}

/** Makes the name usable on this restaurant's menu for dish `exceptId` (or a new one), or says it is taken. */
async function claimDishName(tx: Tx, restaurant: { id: string; name: string }, name: string, exceptId?: string) {
  const rows = await tx.dish.findMany({
    where: { restaurantId: restaurant.id },
    select: { id: true, name: true, archived: true },
  });
  const claim = claimName(rows, name, new Date(), exceptId);
  if (!claim.ok) throw invalidInput({ name: `${restaurant.name} already has a dish called ${claim.takenBy}.` });
  for (const rename of claim.renames) {
    await tx.dish.update({ where: { id: rename.id }, data: { name: rename.name } });
  }
}

export async function createDish(
  actor: Actor,
  input: DishInput & { restaurantId: string },
): Promise<{ id: string; name: string; priceCents: number }> {
  const values = parseInput(dishSchema, input);
  const created = await db.$transaction(async (tx) => {
    await lockFamily(tx, actor.familyId);
    const restaurant = await tx.restaurant.findFirst({
      where: { id: input.restaurantId, familyId: actor.familyId, archived: false },
      select: { id: true, name: true },
    });
    if (!restaurant) throw new AppError("not_found:restaurant", "That restaurant does not exist.");
    await claimDishName(tx, restaurant, values.name);
    const dish = await tx.dish.create({
      data: { familyId: actor.familyId, restaurantId: restaurant.id, name: values.name, priceCents: values.price },
      select: { id: true, name: true, priceCents: true },
    });
    await appendAudit(tx, {
      familyId: actor.familyId,
      actor: { id: actor.id, role: "PARENT" },
      action: "dish.created",
      subjectType: "Dish",
      subjectId: dish.id,
      data: { restaurant: restaurant.name, dish: dish.name, priceCents: dish.priceCents },
    });
    return dish;
  });
  notifyFamily(actor.familyId);
  return created;
}

/**
 * Renames and/or reprices; returns the changes in words (empty: nothing written). Pending requests keep the
 * price they were asked with: a parent approves what the snapshot shows.
 */
export async function updateDish(actor: Actor, input: DishInput & { dishId: string }): Promise<string[]> {
  const values = parseInput(dishSchema, input);
  const changes = await db.$transaction(async (tx) => {
    await lockFamily(tx, actor.familyId);
    const before = await findDish(tx, actor.familyId, input.dishId);
    const changes: string[] = [];
    if (before.name !== values.name) changes.push(`Name: ${before.name} → ${values.name}`);
    if (before.priceCents !== values.price) {
      changes.push(`Price: ${formatCents(before.priceCents)} → ${formatCents(values.price)}`);
    }
    if (changes.length === 0) return changes;
    if (before.name !== values.name) await claimDishName(tx, before.restaurant, values.name, before.id);
    await tx.dish.update({ where: { id: before.id }, data: { name: values.name, priceCents: values.price } });
    await appendAudit(tx, {
      familyId: actor.familyId,
      actor: { id: actor.id, role: "PARENT" },
      action: "dish.updated",
      subjectType: "Dish",
      subjectId: before.id,
      data: {
        restaurant: before.restaurant.name,
        dish: values.name,
        previousName: before.name,
        priceCents: values.price,
        previousPriceCents: before.priceCents,
        changes,
      },
    });
    return changes;
  });
  if (changes.length > 0) notifyFamily(actor.familyId);
  return changes;
}

/** Archives the dish; pending orders that contain it are cancelled (other requests are left alone). */
export async function removeDish(
  actor: Actor,
  { dishId }: { dishId: string },
): Promise<{ name: string; restaurantId: string; cancelled: number }> {
  const result = await db.$transaction(async (tx) => {
    await lockFamily(tx, actor.familyId);
    const dish = await findDish(tx, actor.familyId, dishId);
    await tx.dish.update({ where: { id: dish.id }, data: { archived: true } });
    const orders = await tx.approvalRequest.findMany({
      where: { familyId: actor.familyId, status: "PENDING", kind: "ORDER", restaurantId: dish.restaurant.id },
      select: { id: true, snapshot: true },
    });
    const concerned = orders
      .filter((r) => (r.snapshot as unknown as OrderSnapshot).items.some((item) => item.dishId === dish.id))
      .map((r) => r.id);
    const cancelled = await cancelPendingRequests(tx, {
      familyId: actor.familyId,
      where: { id: { in: concerned } },
      message: `${dish.name} was removed from the menu of ${dish.restaurant.name} by a parent, so this request was cancelled.`,
      actor,
    });
    await appendAudit(tx, {
      familyId: actor.familyId,
      actor: { id: actor.id, role: "PARENT" },
      action: "dish.removed",
      subjectType: "Dish",
      subjectId: dish.id,
      data: {
        restaurant: dish.restaurant.name,
        dish: dish.name,
        priceCents: dish.priceCents,
        cancelledRequests: cancelled.length,
      },
    });
    return { name: dish.name, restaurantId: dish.restaurant.id, cancelled: cancelled.length };
  });
  notifyFamily(actor.familyId);
  return result;
}
