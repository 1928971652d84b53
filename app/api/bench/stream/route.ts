// B3's baseline for `npm run bench`: a bare `streamText` turn with the same offline model, in the same process as
// /api/chat, with in-memory tools and no session, database or persistence. Answers 404 unless the bench's own
// server set LUNCHBOX_BENCH=1, so it does not exist in a normal deployment.
import { stepCountIs, streamText } from "ai";
import { createOfflineModel } from "@/lib/ai/offline";
import { fakeTools, SEED_CATALOGUE } from "@/lib/ai/offline/fixtures";
import { systemPrompt } from "@/lib/ai/prompts";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (process.env.LUNCHBOX_BENCH !== "1") return new Response("Not found", { status: 404 });
  const body = (await request.json()) as { message?: { parts?: Array<{ text?: string }> } };
  const text = body.message?.parts?.[0]?.text ?? "";
  const result = streamText({
    model: createOfflineModel({
      catalogue: SEED_CATALOGUE,
      childName: "Henry",
      chunkDelayMs: getEnv().OFFLINE_MODEL_DELAY_MS,
    }),
    instructions: systemPrompt({ childName: "Henry" }),
    messages: [{ role: "user", content: text }],
    tools: fakeTools().tools,
    stopWhen: stepCountIs(5),
  });
  return result.toUIMessageStreamResponse();
}
