import "server-only";
import { tool } from "ai";
import { getUsableGrants } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import { restaurantAccess } from "@/lib/policy";
import type { ToolContext } from "./context";
import { type ListRestaurantsOutput, listRestaurantsInput } from "./contracts";

export const listRestaurants = (ctx: ToolContext) =>
  tool({
    description: "List the family's restaurants and whether the child may order from each one.",
    inputSchema: listRestaurantsInput,
    execute: async (): Promise<ListRestaurantsOutput> => {
      const [restaurants, grants] = await Promise.all([
        db.restaurant.findMany({
          where: { familyId: ctx.familyId, archived: false },
          orderBy: { name: "asc" },
          select: { id: true, name: true, restricted: true },
        }),
        getUsableGrants({ childId: ctx.childId }),
      ]);
      return {
        restaurants: restaurants.map((r) => ({
          ...r,
          access: restaurantAccess(
            r,
            grants.filter((g) => g.restaurantId === r.id).map((g) => g.scope),
          ),
        })),
      };
    },
  });
