import "server-only";
import { tool } from "ai";
import { submitQuestion } from "@/lib/approvals/ask-parent";
import type { ToolContext } from "./context";
import type { AskParentOutput } from "./contracts";
import { inputSchemas } from "./input-schemas";

export const askParent = (ctx: ToolContext) =>
  tool({
    description:
      "Put the child's own question to their parents (for things only a parent can answer, like 'can I have dessert tonight?'). " +
      "Write the question in the child's words, as a question. It returns status 'pending'; the parent's answer arrives later as an approvalOutcome. " +
      "Do not use it to order food or to ask for a restaurant: use placeOrder or requestRestaurantAccess.",
    inputSchema: inputSchemas.askParent,
    execute: ({ question }, { toolCallId }): Promise<AskParentOutput> => submitQuestion(ctx, question, toolCallId),
  });
