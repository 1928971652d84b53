import "server-only";
import type { ToolContext } from "@/lib/ai/tools/context";
import { type AskParentOutput, MAX_QUESTION_LENGTH } from "@/lib/ai/tools/contracts";
import { countPendingRequests, getFamilyRules } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import { notifyFamily } from "@/lib/events/bus";
import { wakeNotifyWorker } from "@/lib/notify/worker";
import { evaluateQuestion, explainReasons } from "@/lib/policy";
import { createApprovalRequest, findIdenticalPending } from "./create";
import type { QuestionSnapshot } from "./snapshot";

/** The child's words as a parent will read them: one line, trimmed, at most 500 characters. */
export function cleanQuestion(question: string): string {
  const oneLine = question.replace(/\s+/g, " ").trim();
  return oneLine.length <= MAX_QUESTION_LENGTH ? oneLine : `${oneLine.slice(0, MAX_QUESTION_LENGTH - 1).trimEnd()}…`;
}

/** The askParent tool's work: a question always goes to a parent, within the pending cap. */
export async function submitQuestion(ctx: ToolContext, question: string, toolCallId: string): Promise<AskParentOutput> {
  const cleaned = cleanQuestion(question);
  if (cleaned.length < 3) return { status: "refused", message: "I need a little more to ask. What's the question?" };
  const snapshot: QuestionSnapshot = { kind: "QUESTION", question: cleaned };
  const result = await db.$transaction(async (tx): Promise<AskParentOutput> => {
    const rules = await getFamilyRules(ctx, tx);
    const verdict = evaluateQuestion({
      rules,
      // Asking the same question again merges into the waiting one, even at the cap.
      pendingCount: (await findIdenticalPending(tx, { childId: ctx.childId, snapshot }))
        ? 0
        : await countPendingRequests(ctx, tx),
    });
    if (verdict.verdict !== "needs-parent") {
      return { status: "refused", message: explainReasons(verdict.reasons).join(" ") };
    }
    const request = await createApprovalRequest(tx, { ...ctx, toolCallId, snapshot, reasons: verdict.reasons, rules });
    return { status: "pending", requestId: request.id, question: cleaned };
  });
  if (result.status === "pending") {
    notifyFamily(ctx.familyId);
    wakeNotifyWorker();
  }
  return result;
}
