import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState, Panel } from "@/components/family/card";
import { AddDishForm, DishEditor } from "@/components/family/dish-forms";
import { EditRestaurantForm } from "@/components/family/restaurant-forms";
import { getRestaurantDetail } from "@/lib/family/restaurants";
import { requirePageActor } from "@/lib/page-auth";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parent = await requirePageActor("PARENT");
  const restaurant = await getRestaurantDetail({ familyId: parent.familyId, restaurantId: (await params).id });
  return { title: restaurant?.name ?? "Restaurant" };
}

export default async function RestaurantPage({ params }: Props) {
  const parent = await requirePageActor("PARENT");
  // Another family's id, or a removed restaurant, is simply not found.
  const restaurant = await getRestaurantDetail({ familyId: parent.familyId, restaurantId: (await params).id });
  if (!restaurant) notFound();
  return (
    <div className="space-y-6">
      <div>
        <Link
          href="/family/restaurants"
          className="inline-flex min-h-11 items-center text-sm text-stone-600 hover:underline dark:text-stone-400"
        >
          ← All restaurants
        </Link>
        <h1 className="font-bold text-2xl">{restaurant.name}</h1>
      </div>
      <Panel aria-labelledby="menu-heading">
        <h2 id="menu-heading" className="mb-3 font-semibold text-lg">
          Menu
        </h2>
        {restaurant.dishes.length === 0 ? (
          <EmptyState>No dishes yet. Children see an empty menu until you add one.</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-200 dark:divide-stone-800">
            {restaurant.dishes.map((dish) => (
              <li key={dish.id} className="py-3 first:pt-0">
                <DishEditor dish={dish} restaurantName={restaurant.name} />
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel aria-labelledby="add-dish-heading">
        <h2 id="add-dish-heading" className="mb-3 font-semibold text-lg">
          Add a dish
        </h2>
        <AddDishForm restaurantId={restaurant.id} />
      </Panel>
      <Panel aria-labelledby="edit-restaurant-heading">
        <h2 id="edit-restaurant-heading" className="mb-3 font-semibold text-lg">
          Restaurant details
        </h2>
        <EditRestaurantForm restaurant={restaurant} />
      </Panel>
    </div>
  );
}
