"use client";

import { useId } from "react";
import {
  addRestaurantAction,
  removeRestaurantAction,
  updateRestaurantAction,
} from "@/app/(parent)/family/restaurants/actions";
import { Button } from "@/components/ui/button";
import { ConfirmForm } from "./confirm-form";
import { FormField, FormMessage } from "./form-field";
import { useFamilyForm } from "./use-family-form";

function RestrictedBox({ defaultChecked, name }: { defaultChecked: boolean; name: string }) {
  const id = useId();
  return (
    <div className="flex min-h-11 items-start gap-3">
      <input
        id={id}
        type="checkbox"
        name="restricted"
        defaultChecked={defaultChecked}
        className="mt-1 size-5 accent-brand-700"
        aria-describedby={`${id}-hint`}
      />
      <div>
        <label htmlFor={id} className="font-medium text-sm">
          Restricted
          <span className="sr-only"> ({name || "new restaurant"})</span>
        </label>
        <p id={`${id}-hint`} className="text-stone-600 text-xs dark:text-stone-400">
          A parent has to allow each child before they can order here.
        </p>
      </div>
    </div>
  );
}

export function AddRestaurantForm() {
  const [state, action, pending] = useFamilyForm(addRestaurantAction);
  return (
    <form action={action} className="space-y-3" aria-label="Add a restaurant">
      <FormField
        name="name"
        label="Restaurant name"
        maxLength={60}
        autoComplete="off"
        defaultValue={state.values?.name ?? ""}
        error={state.fieldErrors?.name}
      />
      <RestrictedBox defaultChecked={state.values?.restricted === "on"} name="" />
      <Button type="submit" disabled={pending}>
        Add restaurant
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

type Restaurant = { id: string; name: string; restricted: boolean };

export function EditRestaurantForm({ restaurant }: { restaurant: Restaurant }) {
  const [state, action, pending] = useFamilyForm(updateRestaurantAction);
  return (
    <form action={action} className="space-y-3" aria-label={`Edit ${restaurant.name}`}>
      <input type="hidden" name="restaurantId" value={restaurant.id} />
      <FormField
        name="name"
        label="Restaurant name"
        maxLength={60}
        autoComplete="off"
        defaultValue={state.ok === false ? (state.values?.name ?? restaurant.name) : restaurant.name}
        error={state.fieldErrors?.name}
      />
      <RestrictedBox
        defaultChecked={state.ok === false ? state.values?.restricted === "on" : restaurant.restricted}
        name={restaurant.name}
      />
      <Button type="submit" disabled={pending}>
        Save restaurant
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function RemoveRestaurantButton({ restaurant }: { restaurant: Restaurant }) {
  return (
    <ConfirmForm
      action={removeRestaurantAction}
      fields={{ restaurantId: restaurant.id }}
      label={`Remove ${restaurant.name}`}
      shortLabel="Remove"
      question={`Remove ${restaurant.name}? Children will no longer see it, and its pending requests are cancelled. Past orders keep it.`}
      confirmLabel={`Yes, remove ${restaurant.name}`}
    />
  );
}
