import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, Panel } from "@/components/family/card";
import { AddRestaurantForm, RemoveRestaurantButton } from "@/components/family/restaurant-forms";
import { getRestaurants } from "@/lib/family/restaurants";
import { requirePageActor } from "@/lib/page-auth";

export const metadata: Metadata = { title: "Restaurants" };

export default async function RestaurantsPage() {
  const parent = await requirePageActor("PARENT");
  const restaurants = await getRestaurants({ familyId: parent.familyId });
  return (
    <div className="space-y-6">
      <h1 className="font-bold text-2xl">Restaurants</h1>
      {restaurants.length === 0 ? (
        <EmptyState>No restaurants yet. Add the first one below.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Restaurants">
          {restaurants.map((restaurant) => (
            <li
              key={restaurant.id}
              className="flex flex-wrap items-center justify-between gap-3 rounded-2xl bg-white p-4 ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800"
            >
              <div className="min-w-0">
                <Link
                  href={`/family/restaurants/${restaurant.id}`}
                  className="inline-flex min-h-11 items-center font-semibold text-brand-800 text-lg underline-offset-4 hover:underline dark:text-brand-100"
                >
                  {restaurant.name}
                </Link>
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  {restaurant.dishCount} {restaurant.dishCount === 1 ? "dish" : "dishes"}
                  {restaurant.restricted ? (
                    <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 font-semibold text-amber-900 text-xs dark:bg-amber-950 dark:text-amber-200">
                      Restricted
                    </span>
                  ) : null}
                </p>
              </div>
              <RemoveRestaurantButton restaurant={restaurant} />
            </li>
          ))}
        </ul>
      )}
      <Panel aria-labelledby="add-restaurant-heading">
        <h2 id="add-restaurant-heading" className="mb-3 font-semibold text-lg">
          Add a restaurant
        </h2>
        <AddRestaurantForm />
      </Panel>
    </div>
  );
}
