import "server-only";
import { tool } from "ai";
import { submitOrder } from "@/lib/orders/submit-order";
import type { ToolContext } from "./context";
import type { PlaceOrderOutput } from "./contracts";
import { inputSchemas } from "./input-schemas";

export const placeOrder = (ctx: ToolContext) =>
  tool({
    description:
      "Order dishes from one restaurant. The server decides whether a parent must approve; " +
      "if so it returns status 'pending' and the parents are asked. Never tell the child an order is approved unless the result says 'placed'.",
    inputSchema: inputSchemas.placeOrder,
    execute: (input, { toolCallId }): Promise<PlaceOrderOutput> => submitOrder(ctx, input, toolCallId),
  });
