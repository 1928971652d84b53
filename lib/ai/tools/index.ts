import "server-only";
import { askParent } from "./ask-parent";
import type { ToolContext } from "./context";
import { getMenu } from "./get-menu";
import { getMyStatus } from "./get-my-status";
import { listRestaurants } from "./list-restaurants";
import { placeOrder } from "./place-order";
import { requestRestaurantAccess } from "./request-restaurant-access";

/** The only tools the child's agent has. None of them can approve, grant, answer for a parent or change rules. */
export function createTools(ctx: ToolContext) {
  return {
    listRestaurants: listRestaurants(ctx),
    getMenu: getMenu(ctx),
    placeOrder: placeOrder(ctx),
    requestRestaurantAccess: requestRestaurantAccess(ctx),
    askParent: askParent(ctx),
    getMyStatus: getMyStatus(ctx),
  };
}

export type AgentTools = ReturnType<typeof createTools>;
