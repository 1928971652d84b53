// B2: a parent's decision → the first token of the agent's continuation in the child's chat, the way the page
// does it: the decision event arrives on the child's stream, then useChat's resumeStream() asks
// GET /api/chat/[id]/stream, which claims the outcome and streams the offline model's reply.
import { askForDeluxe, decide, readUiStream } from "./lib/chat";
import { openSse } from "./lib/client";
import { percentile } from "./lib/stats";
import type { Figures, MainFixture } from "./lib/types";

const SAMPLES = 20;

export async function b2(fx: MainFixture, run: number): Promise<Figures> {
  const child = fx.solo;
  const stream = await openSse(child);
  const total: number[] = [];
  const resume: number[] = [];
  try {
    for (let i = 0; i < SAMPLES; i++) {
      const { requestId, chatId } = await askForDeluxe(child, 1 + ((run + i) % 3));
      const started = performance.now();
      const arrived = stream.waitFor(
        (e) => e.event === "request.resolved" && (JSON.parse(e.data) as { requestId?: string }).requestId === requestId,
      );
      await decide(fx.parent, requestId);
      const event = await arrived;
      const response = await child.fetch(`/api/chat/${chatId}/stream`);
      if (response.status !== 200) throw new Error(`resume answered ${response.status}`);
      const { firstTokenAt } = await readUiStream(response);
      if (Number.isNaN(firstTokenAt)) throw new Error("the resumed reply had no text");
      total.push(firstTokenAt - started);
      resume.push(firstTokenAt - event.at);
    }
  } finally {
    stream.close();
  }
  return {
    "first_token.p50_ms": percentile(total, 50),
    "first_token.p95_ms": percentile(total, 95),
    "resume_only.p50_ms": percentile(resume, 50),
    "resume_only.p95_ms": percentile(resume, 95),
  };
}
