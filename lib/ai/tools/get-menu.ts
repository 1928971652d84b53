import "server-only";
import { tool } from "ai";
import { getFamilyFacts, grantScopes } from "@/lib/catalogue/facts";
import { isPremium, restaurantAccess } from "@/lib/policy";
import type { ToolContext } from "./context";
import type { GetMenuOutput } from "./contracts";
import { inputSchemas } from "./input-schemas";

export const getMenu = (ctx: ToolContext) =>
  tool({
    description: "Show the dishes and prices of one restaurant. Premium dishes need a parent's OK.",
    inputSchema: inputSchemas.getMenu,
    execute: async ({ restaurantId }): Promise<GetMenuOutput> => {
      // The family's version is read now, so the menu, the premium limit and the grants are current at this call.
      const facts = await getFamilyFacts({ familyId: ctx.familyId });
      const restaurant = facts.restaurants.find((r) => r.id === restaurantId);
      if (!restaurant) return { status: "not-found", message: "I couldn't find that restaurant." };
      const { dishes, ...summary } = restaurant;
      return {
        status: "ok",
        restaurant: { ...summary, access: restaurantAccess(restaurant, grantScopes(facts, ctx.childId, restaurantId)) },
        dishes: dishes.map((d) => ({ ...d, premium: isPremium(d.priceCents, facts.rules) })),
      };
    },
  });
