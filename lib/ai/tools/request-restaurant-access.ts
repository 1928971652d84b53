import "server-only";
import { tool } from "ai";
import { submitAccessRequest } from "@/lib/approvals/request-access";
import type { ToolContext } from "./context";
import type { RequestRestaurantAccessOutput } from "./contracts";
import { inputSchemas } from "./input-schemas";

export const requestRestaurantAccess = (ctx: ToolContext) =>
  tool({
    description:
      "Ask the parents to let the child order from a restricted restaurant. Answers 'already-allowed' when no permission is needed.",
    inputSchema: inputSchemas.requestRestaurantAccess,
    execute: ({ restaurantId }, { toolCallId }): Promise<RequestRestaurantAccessOutput> =>
      submitAccessRequest(ctx, restaurantId, toolCallId),
  });
