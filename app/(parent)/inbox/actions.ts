"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { decideRequest } from "@/lib/approvals/decide";
import { requireActor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { describeDecision } from "./describe";

const decisionForm = z.object({
  requestId: z.string().trim().min(1).max(64),
  intent: z.enum(["APPROVE", "DENY", "ALLOW_ONCE", "ALLOW_ALWAYS"]),
  note: z.string().max(500, "Keep the note under 500 characters.").optional(),
});

export type DecisionState = { ok?: boolean; message?: string };

const INTENTS = {
  APPROVE: { decision: "APPROVE", scope: undefined },
  DENY: { decision: "DENY", scope: undefined },
  ALLOW_ONCE: { decision: "APPROVE", scope: "ONCE" },
  ALLOW_ALWAYS: { decision: "APPROVE", scope: "ALWAYS_RESTAURANT" },
} as const;

export async function decideAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const parsed = decisionForm.safeParse({
    requestId: formData.get("requestId"),
    intent: formData.get("intent"),
    note: formData.get("note") ?? undefined,
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid decision." };

  const { decision, scope } = INTENTS[parsed.data.intent];
  try {
    // Role and family are read from the database here, not trusted from the session or the page.
    const actor = await requireActor("PARENT", "inbox.decide");
    const result = await decideRequest({
      actor,
      requestId: parsed.data.requestId,
      decision,
      scope,
      note: parsed.data.note,
    });
    revalidatePath("/inbox");
    return describeDecision(result);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
