import "server-only";
import { cancelPendingRequests } from "@/lib/approvals/cancel";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/authz";
import { lockFamily } from "@/lib/database/family-lock";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notifyFamily } from "@/lib/events/bus";
import { claimName } from "./names";
import { type RestaurantInput, restaurantSchema } from "./schemas";
import { invalidInput, parseInput } from "./validate";

/** The family's restaurants in use, with how many dishes each has. */
export async function getRestaurants({ familyId }: { familyId: string }) {
  const rows = await db.restaurant.findMany({
    where: { familyId, archived: false },
    orderBy: { name: "asc" },
    select: { id: true, name: true, restricted: true, _count: { select: { dishes: { where: { archived: false } } } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, dishCount: _count.dishes }));
}

/** One restaurant in use with its dishes in use; null when it is not this family's or was removed. */
export async function getRestaurantDetail({ familyId, restaurantId }: { familyId: string; restaurantId: string }) {
  return db.restaurant.findFirst({
    where: { id: restaurantId, familyId, archived: false },
    select: {
      id: true,
      name: true,
      restricted: true,
      dishes: {
        where: { archived: false },
        orderBy: { name: "asc" },
        select: { id: true, name: true, priceCents: true },
      },
    },
  });
}

async function findRestaurant(tx: Tx, familyId: string, restaurantId: string) {
  const restaurant = await tx.restaurant.findFirst({
    where: { id: restaurantId, familyId, archived: false },
    select: { id: true, name: true, restricted: true },
  });
  if (!restaurant) throw new AppError("not_found:restaurant", "That restaurant does not exist.");
  return restaurant;
}

/** Makes the name usable for this family's restaurant `exceptId` (or a new one), or says who has it. */
async function claimRestaurantName(tx: Tx, familyId: string, name: string, exceptId?: string) {
  const rows = await tx.restaurant.findMany({ where: { familyId }, select: { id: true, name: true, archived: true } });
  const claim = claimName(rows, name, new Date(), exceptId);
  if (!claim.ok) throw invalidInput({ name: `There is already a restaurant called ${claim.takenBy}.` });
  for (const rename of claim.renames) {
    await tx.restaurant.update({ where: { id: rename.id }, data: { name: rename.name } });
  }
}

export async function createRestaurant(actor: Actor, input: RestaurantInput): Promise<{ id: string; name: string }> {
  const values = parseInput(restaurantSchema, input);
  const created = await db.$transaction(async (tx) => {
    await lockFamily(tx, actor.familyId);
    await claimRestaurantName(tx, actor.familyId, values.name);
    const restaurant = await tx.restaurant.create({
      data: { familyId: actor.familyId, name: values.name, restricted: values.restricted },
      select: { id: true, name: true },
    });
    await appendAudit(tx, {
      familyId: actor.familyId,
      actor: { id: actor.id, role: "PARENT" },
      action: "restaurant.created",
      subjectType: "Restaurant",
      subjectId: restaurant.id,
      data: { restaurant: values.name, restricted: values.restricted },
    });
    return restaurant;
  });
  notifyFamily(actor.familyId);
  return created;
}

/** Renames and/or marks restricted; returns the changes in words (empty: nothing changed, nothing written). */
export async function updateRestaurant(
  actor: Actor,
  input: RestaurantInput & { restaurantId: string },
): Promise<string[]> {
  const values = parseInput(restaurantSchema, input);
  const changes = await db.$transaction(async (tx) => {
    await lockFamily(tx, actor.familyId);
    const before = await findRestaurant(tx, actor.familyId, input.restaurantId);
    const changes: string[] = [];
    if (before.name !== values.name) changes.push(`Name: ${before.name} → ${values.name}`);
    if (before.restricted !== values.restricted) {
      changes.push(values.restricted ? "Now restricted" : "No longer restricted");
    }
    if (changes.length === 0) return changes;
    if (before.name !== values.name) await claimRestaurantName(tx, actor.familyId, values.name, before.id);
    await tx.restaurant.update({
      where: { id: before.id },
      data: { name: values.name, restricted: values.restricted },
    });
    await appendAudit(tx, {
      familyId: actor.familyId,
      actor: { id: actor.id, role: "PARENT" },
      action: "restaurant.updated",
      subjectType: "Restaurant",
      subjectId: before.id,
      data: { restaurant: values.name, previousName: before.name, restricted: values.restricted, changes },
    });
    return changes;
  });
  if (changes.length > 0) notifyFamily(actor.familyId);
  return changes;
}

/** Archives the restaurant (orders and requests keep referring to it); its pending requests are cancelled. */
export async function removeRestaurant(
  actor: Actor,
  { restaurantId }: { restaurantId: string },
): Promise<{ name: string; cancelled: number }> {
  const result = await db.$transaction(async (tx) => {
    await lockFamily(tx, actor.familyId);
    const restaurant = await findRestaurant(tx, actor.familyId, restaurantId);
    await tx.restaurant.update({ where: { id: restaurant.id }, data: { archived: true } });
    const cancelled = await cancelPendingRequests(tx, {
      familyId: actor.familyId,
      where: { restaurantId: restaurant.id },
      message: `${restaurant.name} was removed by a parent, so this request was cancelled.`,
      actor,
    });
    await appendAudit(tx, {
      familyId: actor.familyId,
      actor: { id: actor.id, role: "PARENT" },
      action: "restaurant.removed",
      subjectType: "Restaurant",
      subjectId: restaurant.id,
      data: { restaurant: restaurant.name, cancelledRequests: cancelled.length },
    });
    return { name: restaurant.name, cancelled: cancelled.length };
  });
  notifyFamily(actor.familyId);
  return result;
}
