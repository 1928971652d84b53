"use server";

import { createDish, removeDish, updateDish } from "@/lib/family/dishes";
import { type FormState, textOf } from "@/lib/family/form-state";
import { createRestaurant, removeRestaurant, updateRestaurant } from "@/lib/family/restaurants";
import { runFamilyAction } from "../run-action";

function restaurantValues(formData: FormData) {
  return { name: textOf(formData, "name"), restricted: formData.get("restricted") === "on" ? "on" : "" };
}

const cancelledNote = (count: number) =>
  count === 0 ? "" : ` ${count} pending request${count === 1 ? " was" : "s were"} cancelled.`;

export async function addRestaurantAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = restaurantValues(formData);
  const state = await runFamilyAction("restaurant.create", values, async (actor) => {
    const restaurant = await createRestaurant(actor, { name: values.name, restricted: values.restricted === "on" });
    return `Added ${restaurant.name}.`;
  });
  // A fresh, empty form after adding.
  return state.ok ? { ...state, values: undefined } : state;
}

export async function updateRestaurantAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = restaurantValues(formData);
  return runFamilyAction("restaurant.update", values, async (actor) => {
    const changes = await updateRestaurant(actor, {
      restaurantId: textOf(formData, "restaurantId"),
      name: values.name,
      restricted: values.restricted === "on",
    });
    return changes.length === 0 ? "Nothing to save: no changes." : `Saved: ${changes.join("; ")}.`;
  });
}

export async function removeRestaurantAction(_: FormState, formData: FormData): Promise<FormState> {
  return runFamilyAction("restaurant.remove", {}, async (actor) => {
    const result = await removeRestaurant(actor, { restaurantId: textOf(formData, "restaurantId") });
    return `Removed ${result.name}.${cancelledNote(result.cancelled)}`;
  });
}

function dishValues(formData: FormData) {
  return { name: textOf(formData, "name"), price: textOf(formData, "price") };
}

export async function addDishAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = dishValues(formData);
  const state = await runFamilyAction("dish.create", values, async (actor) => {
    const dish = await createDish(actor, { restaurantId: textOf(formData, "restaurantId"), ...values });
    return `Added ${dish.name}.`;
  });
  return state.ok ? { ...state, values: undefined } : state;
}

export async function updateDishAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = dishValues(formData);
  return runFamilyAction("dish.update", values, async (actor) => {
    const changes = await updateDish(actor, { dishId: textOf(formData, "dishId"), ...values });
    return changes.length === 0 ? "Nothing to save: no changes." : `Saved: ${changes.join("; ")}.`;
  });
}

export async function removeDishAction(_: FormState, formData: FormData): Promise<FormState> {
  return runFamilyAction("dish.remove", {}, async (actor) => {
    const result = await removeDish(actor, { dishId: textOf(formData, "dishId") });
    return `Removed ${result.name}.${cancelledNote(result.cancelled)}`;
  });
}
