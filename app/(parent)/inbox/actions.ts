"use server";

import { revalidatePath } from "next/cache";
import { answerQuestion } from "@/lib/approvals/answer";
import { decideRequest } from "@/lib/approvals/decide";
import { describeDecision } from "@/lib/approvals/describe";
import { requireActor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { readAnswerForm, readDecisionForm, readEditLines } from "./form-data";

export type DecisionState = { ok?: boolean; message?: string; fieldErrors?: Record<string, string> };

export async function decideAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const parsed = readDecisionForm(formData);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid decision." };
  const edit = readEditLines(formData);
  if (edit && "error" in edit) return { ok: false, message: edit.error };

  try {
    // Role and family are read from the database here, not trusted from the session or the page.
    const actor = await requireActor("PARENT", "inbox.decide");
    const result = await decideRequest({
      actor,
      requestId: parsed.data.requestId,
      decision: parsed.data.intent,
      scope: parsed.data.scope,
      note: parsed.data.note,
      // An approval sends the editor's lines; the service treats lines equal to the proposal as a plain approval.
      edit: parsed.data.intent === "APPROVE" ? edit : undefined,
    });
    revalidatePath("/inbox");
    return describeDecision(result);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}

export async function answerAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const parsed = readAnswerForm(formData);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Write a reply.";
    return { ok: false, message, fieldErrors: { reply: message } };
  }
  try {
    const actor = await requireActor("PARENT", "inbox.answer");
    const result = await answerQuestion({ actor, requestId: parsed.data.requestId, answer: parsed.data.reply });
    revalidatePath("/inbox");
    return describeDecision(result);
  } catch (error) {
    if (error instanceof AppError) {
      const onReply = error.code === "bad_request:answer";
      return { ok: false, message: error.message, ...(onReply ? { fieldErrors: { reply: error.message } } : {}) };
    }
    throw error;
  }
}
