import "server-only";
import { type ModelMessage, stepCountIs, streamText } from "ai";
import { getFamilyFacts } from "@/lib/catalogue/facts";
import { getEnv } from "@/lib/env";
import { chooseModel } from "./model";
import { createOfflineModel } from "./offline";
import { systemPrompt } from "./prompts";
import { createTools } from "./tools";
import type { ToolContext } from "./tools/context";

/**
 * One agent turn: the chosen model, the child-safe prompt and the child's tools. `factsVersion` is the family's
 * facts version read with the child at the start of the turn (lib/authz.ts); the offline model reads the catalogue
 * at least that new.
 */
export async function streamAgentTurn({
  ctx,
  messages,
  factsVersion,
}: {
  ctx: ToolContext;
  messages: ModelMessage[];
  factsVersion?: number;
}) {
  const env = getEnv();
  const choice = chooseModel(env);
  const model =
    choice.kind === "openai"
      ? choice.model
      : createOfflineModel({
          catalogue: {
            restaurants: (await getFamilyFacts({ familyId: ctx.familyId, version: factsVersion })).restaurants,
          },
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
