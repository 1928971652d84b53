import "server-only";
import { tool } from "ai";
import { getFamilyFacts, grantScopes } from "@/lib/catalogue/facts";
import { restaurantAccess } from "@/lib/policy";
import type { ToolContext } from "./context";
import type { ListRestaurantsOutput } from "./contracts";
import { inputSchemas } from "./input-schemas";

export const listRestaurants = (ctx: ToolContext) =>
  tool({
    description: "List the family's restaurants and whether the child may order from each one.",
    inputSchema: inputSchemas.listRestaurants,
    execute: async (): Promise<ListRestaurantsOutput> => {
      // The family's version is read now, so the restaurants and the grants are current at this call.
      const facts = await getFamilyFacts({ familyId: ctx.familyId });
      return {
        restaurants: facts.restaurants.map(({ id, name, restricted }) => ({
          id,
          name,
          restricted,
          access: restaurantAccess({ restricted }, grantScopes(facts, ctx.childId, id)),
        })),
      };
    },
  });
