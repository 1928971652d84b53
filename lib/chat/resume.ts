import "server-only";
import { convertToModelMessages, createIdGenerator, createUIMessageStream, createUIMessageStreamResponse } from "ai";
import { streamAgentTurn } from "@/lib/ai/agent";
import type { ApprovalOutcomeOutput } from "@/lib/ai/tools/contracts";
import { claimUnreportedOutcomes } from "@/lib/approvals/outcome";
import type { Actor } from "@/lib/authz";
import { lockFamily } from "@/lib/database/family-lock";
import { db } from "@/lib/db";
import { failpoint } from "@/lib/failpoint";
import { getMessages, saveMessage } from "./queries";
import type { ChatMessage } from "./types";

const newMessageId = createIdGenerator({ prefix: "msg", size: 16 });

function outcomeParts(outcomes: ApprovalOutcomeOutput[]): ChatMessage["parts"] {
  return outcomes.map((output) => ({
    type: "tool-approvalOutcome" as const,
    toolCallId: `outcome-${output.requestId}`,
    state: "output-available" as const,
    input: { requestId: output.requestId },
    output,
  }));
}

/**
 * Tells the chat what the parents decided, exactly once. In one transaction the untold outcomes are
 * claimed and stored as an assistant message (so a crash while the agent talks loses nothing);
 * then the agent's reply streams and is saved into that same message. Null when there is nothing to tell.
 */
export async function streamOutcomeReply({
  child,
  chatId,
}: {
  /** With the family's facts version when it was read with the child (lib/authz.ts). */
  child: Actor & { factsVersion?: number };
  chatId: string;
}): Promise<Response | null> {
  const scope = { chatId, childId: child.id, familyId: child.familyId };
  const messageId = newMessageId();
  const outcomes = await db.$transaction(async (tx) => {
    await lockFamily(tx, scope.familyId);
    const claimed = await claimUnreportedOutcomes(tx, scope);
    if (claimed.length > 0) failpoint("resume.after-claim"); // crash test: claimed but not stored; must roll back
    if (claimed.length > 0) {
      await tx.message.create({
        data: { id: messageId, chatId, role: "assistant", parts: outcomeParts(claimed) as unknown as object },
      });
    }
    return claimed;
  });
  if (outcomes.length > 0) failpoint("resume.after-store"); // crash test: the stored outcome is told after restart
  if (outcomes.length === 0) return null;

  const history = await getMessages({ chatId });
  const stream = createUIMessageStream<ChatMessage>({
    execute: async ({ writer }) => {
      writer.write({ type: "start", messageId });
      for (const output of outcomes) {
        const toolCallId = `outcome-${output.requestId}`;
        writer.write({
          type: "tool-input-available",
          toolCallId,
          toolName: "approvalOutcome",
          input: { requestId: output.requestId },
        });
        writer.write({ type: "tool-output-available", toolCallId, output });
      }
      const result = await streamAgentTurn({
        ctx: { familyId: child.familyId, childId: child.id, childName: child.name, chatId, childWords: "" },
        messages: await convertToModelMessages(history, { ignoreIncompleteToolCalls: true }),
        factsVersion: child.factsVersion,
      });
      writer.merge(result.toUIMessageStream({ sendStart: false }));
    },
    onEnd: async ({ responseMessage }) => {
      await saveMessage({ chatId, message: { ...responseMessage, id: messageId } });
    },
  });
  return createUIMessageStreamResponse({ stream });
}
