import "server-only";
import type { ToolContext } from "./context";
import { getMenu } from "./get-menu";
import { listRestaurants } from "./list-restaurants";
import { placeOrder } from "./place-order";
import { requestRestaurantAccess } from "./request-restaurant-access";

/** The only tools the child's agent has. None of them can approve, grant or change rules. */
export function createTools(ctx: ToolContext) {
  return {
    listRestaurants: listRestaurants(ctx),
    getMenu: getMenu(ctx),
    placeOrder: placeOrder(ctx),
    requestRestaurantAccess: requestRestaurantAccess(ctx),
  };
}

export type AgentTools = ReturnType<typeof createTools>;
