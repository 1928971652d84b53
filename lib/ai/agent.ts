import "server-only";
import { type ModelMessage, stepCountIs, streamText } from "ai";
import { getCatalogue } from "@/lib/catalogue/queries";
import { getEnv } from "@/lib/env";
import { chooseModel } from "./model";
import { createOfflineModel } from "./offline";
import { systemPrompt } from "./prompts";
import { createTools } from "./tools";
import type { ToolContext } from "./tools/context";

/** One agent turn: the chosen model, the child-safe prompt and the child's tools. */
export async function streamAgentTurn({ ctx, messages }: { ctx: ToolContext; messages: ModelMessage[] }) {
  const env = getEnv();
  const choice = chooseModel(env);
  const model =
    choice.kind === "openai"
      ? choice.model
      : createOfflineModel({
          catalogue: { restaurants: await getCatalogue(ctx) },
          childName: ctx.childName,
          chunkDelayMs: env.OFFLINE_MODEL_DELAY_MS,
        });
  return streamText({
    model,
    instructions: systemPrompt({ childName: ctx.childName }),
    messages,
    tools: createTools(ctx),
    stopWhen: stepCountIs(5),
  });
}
