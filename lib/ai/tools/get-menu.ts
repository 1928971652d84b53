import "server-only";
import { tool } from "ai";
import { getFamilyRules, getRestaurantMenu, getUsableGrants } from "@/lib/catalogue/queries";
import { isPremium, restaurantAccess } from "@/lib/policy";
import type { ToolContext } from "./context";
import { type GetMenuOutput, getMenuInput } from "./contracts";

export const getMenu = (ctx: ToolContext) =>
  tool({
    description: "Show the dishes and prices of one restaurant. Premium dishes need a parent's OK.",
    inputSchema: getMenuInput,
    execute: async ({ restaurantId }): Promise<GetMenuOutput> => {
      const restaurant = await getRestaurantMenu({ familyId: ctx.familyId, restaurantId });
      if (!restaurant) return { status: "not-found", message: "I couldn't find that restaurant." };
      const [rules, grants] = await Promise.all([
        getFamilyRules(ctx),
        getUsableGrants({ childId: ctx.childId, restaurantId }),
      ]);
      const { dishes, ...summary } = restaurant;
      return {
        status: "ok",
        restaurant: {
          ...summary,
          access: restaurantAccess(
            restaurant,
            grants.map((g) => g.scope),
          ),
        },
        dishes: dishes.map((d) => ({ ...d, premium: isPremium(d.priceCents, rules) })),
      };
    },
  });
