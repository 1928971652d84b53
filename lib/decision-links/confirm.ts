import "server-only";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { answerInput, answerQuestion } from "@/lib/approvals/answer";
import { type DecideResult, decideRequest } from "@/lib/approvals/decide";
import { decidedLine } from "@/lib/approvals/decided-line";
import { describeDecision } from "@/lib/approvals/describe";
import type { Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearWrongPasswords, recordWrongPassword, signInBlockedFor } from "@/lib/sign-in-limit";
import { type LinkView, viewDecisionLink } from "./view";

export type ConfirmResult =
  | { ok: true; status: "APPROVED" | "DENIED" | "ANSWERED"; message: string }
  | { ok: false; reason: ConfirmRefusal; message: string; field?: "password" | "reply" | "intent" };

export type ConfirmRefusal =
  | Exclude<LinkView["kind"], "ready">
  | "password"
  | "rate-limited"
  | "bad-input"
  | "expired"
  | "cancelled";

const confirmSchema = z.object({
  intent: z.enum(["APPROVE", "DENY"], { error: "Choose Approve or Deny." }).optional(),
  note: z.string().max(500, "Keep the note under 500 characters.").optional(),
  reply: z.string().optional(),
  password: z.string().max(200).optional(),
});
/** As they come from the form: checked here. */
export type ConfirmFields = { intent?: string; note?: string; reply?: string; password?: string };

const REFUSED: Record<Exclude<LinkView["kind"], "ready" | "closed" | "used" | "wrong-parent">, string> = {
  invalid: "This link is not valid. Open the request from the inbox instead.",
  "expired-link": "This link has expired. Open the request from the inbox instead.",
  child: "Only a parent can use this link.",
};

/**
 * The POST behind a decision link's confirm button. Checks everything again (link, parent, session or password),
 * then decides through the same service as the inbox; the link's single use is recorded inside that decision's
 * transaction, so two confirms of one link give one decision, and a refused decision leaves the link unused.
 */
export async function confirmDecisionLink(
  input: { token: string; session: Actor | null; now?: Date } & ConfirmFields,
): Promise<ConfirmResult> {
  const now = input.now ?? new Date();
  const fields = confirmSchema.safeParse(input);
  if (!fields.success) {
    return { ok: false, reason: "bad-input", message: fields.error.issues[0]?.message ?? "Check the form." };
  }
  const view = await viewDecisionLink({ token: input.token, session: input.session, now });
  if (view.kind !== "ready") return refusal(view);
  const { claims, parent, item } = view;

  // Signed in as this parent, or their password now: a forwarded email alone decides nothing.
  if (!input.session) {
    const password = fields.data.password ?? "";
    if ((await signInBlockedFor(parent.login)) > 0) {
      return {
        ok: false,
        reason: "rate-limited",
        field: "password",
        message: "Too many wrong passwords for this account. Please wait 15 minutes and try again.",
      };
    }
    const row = await db.user.findUniqueOrThrow({ where: { id: parent.id }, select: { passwordHash: true } });
    if (!password || !(await bcrypt.compare(password, row.passwordHash))) {
      await recordWrongPassword(parent.login);
      return { ok: false, reason: "password", field: "password", message: "That password is not right. Try again." };
    }
    await clearWrongPasswords(parent.login);
  }

  const actor: Actor = { id: parent.id, name: parent.name, role: "PARENT", familyId: parent.familyId };
  const claim = async (tx: Tx) => {
    await tx.usedDecisionLink.create({
      data: { jti: claims.jti, requestId: claims.requestId, parentId: parent.id, usedAt: now },
    });
  };

  let result: DecideResult;
  try {
    if (item.kind === "QUESTION") {
      if (claims.action !== "open") return refusal({ kind: "invalid" });
      const reply = answerInput.safeParse(fields.data.reply ?? "");
      if (!reply.success) {
        const message = reply.error.issues[0]?.message ?? "Write a reply.";
        return { ok: false, reason: "bad-input", field: "reply", message };
      }
      result = await answerQuestion({ actor, requestId: item.id, answer: reply.data, now, via: "link", claim });
    } else {
      const decision = claims.action === "approve" ? "APPROVE" : claims.action === "deny" ? "DENY" : fields.data.intent;
      if (!decision) return { ok: false, reason: "bad-input", field: "intent", message: "Choose Approve or Deny." };
      result = await decideRequest({
        actor,
        requestId: item.id,
        decision,
        note: fields.data.note,
        now,
        via: "link",
        claim,
      });
    }
  } catch (error) {
    // The link's id is the primary key of UsedDecisionLink: a second use fails on insert and decides nothing.
    if (isUniqueViolation(error)) return refusal({ kind: "used", item, timeZone: view.timeZone });
    if (error instanceof AppError) return { ok: false, reason: "bad-input", message: error.message };
    throw error;
  }

  switch (result.outcome) {
    case "decided":
      if (result.repeated) break;
      return { ok: true, status: result.status, message: describeDecision(result).message };
    case "expired":
      return {
        ok: false,
        reason: "expired",
        message: decidedLine({ status: "EXPIRED", decidedByName: null, decidedAt: now }, view.timeZone, now),
      };
    case "cancelled":
      return { ok: false, reason: "cancelled", message: describeDecision(result).message };
  }
  const closure = { status: result.status, decidedByName: result.decidedByName, decidedAt: result.decidedAt };
  return { ok: false, reason: "closed", message: decidedLine(closure, view.timeZone, now) };
}

function refusal(view: Exclude<LinkView, { kind: "ready" }>): ConfirmResult {
  switch (view.kind) {
    case "used":
      return { ok: false, reason: "used", message: "This link was already used. Nothing more was changed." };
    case "closed":
      return { ok: false, reason: "closed", message: decidedLine(view.item, view.timeZone) };
    case "wrong-parent":
      return {
        ok: false,
        reason: "wrong-parent",
        message: view.parentName
          ? `This link was sent to ${view.parentName}. Sign in as ${view.parentName} to use it.`
          : "This link was sent to someone else. Sign out to use it.",
      };
    default:
      return { ok: false, reason: view.kind, message: REFUSED[view.kind] };
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
