// The shape of a parent's edit, checked on the server before anything is read or written. Pure.
import { z } from "zod";
import { MAX_LINES, MAX_QUANTITY } from "@/lib/ai/tools/contracts";

export const editLineInput = z.object({
  dishId: z.string().trim().min(1, "Pick a dish.").max(64),
  quantity: z
    .number({ error: "Enter a number." })
    .int("Enter a whole number.")
    .min(1, "Order at least 1, or remove the dish.")
    .max(MAX_QUANTITY, `At most ${MAX_QUANTITY} of each dish.`),
  /** The proposed dish this line replaces (a cheaper dish picked instead), so the change can be told as such. */
  replaces: z.string().trim().min(1).max(64).optional(),
});

export const orderEditInput = z.object({
  items: z
    .array(editLineInput)
    .min(1, "Keep at least one dish, or deny the request instead.")
    .max(MAX_LINES, `At most ${MAX_LINES} different dishes.`),
});

export type OrderEditInput = z.infer<typeof orderEditInput>;
