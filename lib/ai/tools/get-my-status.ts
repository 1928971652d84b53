import "server-only";
import { tool } from "ai";
import { getChildStatus } from "@/lib/child-status";
import type { ToolContext } from "./context";
import type { GetMyStatusOutput } from "./contracts";
import { inputSchemas } from "./input-schemas";

export const getMyStatus = (ctx: ToolContext) =>
  tool({
    description:
      "The child's own status: requests still waiting for a parent, what was ordered today, what was spent today " +
      "and how much is left of the budget. Use it for 'what's waiting?', 'what did I order today?' or 'how much can I still spend?'.",
    inputSchema: inputSchemas.getMyStatus,
    execute: (): Promise<GetMyStatusOutput> => getChildStatus({ familyId: ctx.familyId, childId: ctx.childId }),
  });
