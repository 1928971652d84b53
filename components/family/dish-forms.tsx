"use client";

import { useId } from "react";
import { addDishAction, removeDishAction, updateDishAction } from "@/app/(parent)/family/restaurants/actions";
import { Button } from "@/components/ui/button";
import { centsToDollarsInput } from "@/lib/family/money";
import { ConfirmForm } from "./confirm-form";
import { FormField, FormMessage } from "./form-field";
import { useFamilyForm } from "./use-family-form";

const PRICE_HINT = "In dollars, like 12.50 (up to $1,000).";

export function AddDishForm({ restaurantId }: { restaurantId: string }) {
  const [state, action, pending] = useFamilyForm(addDishAction);
  return (
    <form action={action} className="space-y-3" aria-label="Add a dish">
      <input type="hidden" name="restaurantId" value={restaurantId} />
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
        <FormField
          name="name"
          label="Dish name"
          maxLength={60}
          autoComplete="off"
          defaultValue={state.values?.name ?? ""}
          error={state.fieldErrors?.name}
        />
        <FormField
          name="price"
          label="Price ($)"
          inputMode="decimal"
          autoComplete="off"
          hint={PRICE_HINT}
          defaultValue={state.values?.price ?? ""}
          error={state.fieldErrors?.price}
        />
      </div>
      <Button type="submit" disabled={pending}>
        Add dish
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

type Dish = { id: string; name: string; priceCents: number };

/** One dish on the menu: its name and price, editable in place, and Remove. */
export function DishEditor({ dish, restaurantName }: { dish: Dish; restaurantName: string }) {
  const [state, action, pending] = useFamilyForm(updateDishAction);
  const failed = state.ok === false;
  const suffix = <span className="sr-only"> of {dish.name}</span>;
  const formId = useId();
  return (
    <div className="space-y-2">
      <form id={formId} action={action} className="space-y-2" aria-label={`Edit ${dish.name}`}>
        <input type="hidden" name="dishId" value={dish.id} />
        <div className="grid grid-cols-[1fr_7rem] gap-2 sm:grid-cols-[1fr_9rem]">
          <FormField
            name="name"
            label={<>Name{suffix}</>}
            maxLength={60}
            autoComplete="off"
            defaultValue={failed ? (state.values?.name ?? dish.name) : dish.name}
            error={state.fieldErrors?.name}
          />
          <FormField
            name="price"
            label={<>Price ($){suffix}</>}
            inputMode="decimal"
            autoComplete="off"
            defaultValue={failed ? (state.values?.price ?? "") : centsToDollarsInput(dish.priceCents)}
            error={state.fieldErrors?.price}
          />
        </div>
        <FormMessage state={state} />
      </form>
      {/* Save submits the form above (form attribute), so it can sit beside Remove, which is a form of its own. */}
      <div className="flex flex-wrap items-start gap-2">
        <Button form={formId} type="submit" variant="secondary" disabled={pending} aria-label={`Save ${dish.name}`}>
          Save
        </Button>
        <ConfirmForm
          action={removeDishAction}
          fields={{ dishId: dish.id }}
          label={`Remove ${dish.name}`}
          shortLabel="Remove"
          question={`Remove ${dish.name} from ${restaurantName}? Pending orders with it are cancelled. Past orders keep it.`}
          confirmLabel={`Yes, remove ${dish.name}`}
        />
      </div>
    </div>
  );
}
