"use server";

import { signOut } from "@/lib/auth";
import { getActor } from "@/lib/authz";
import { type ConfirmResult, confirmDecisionLink } from "@/lib/decision-links/confirm";

export type ConfirmState = ConfirmResult | null;

function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

/**
 * The confirm button of a decision link. The session (if any) is read here, never trusted from the form; a
 * signed-out parent's password is checked and no session is created (see README: one-tap links).
 */
export async function confirmLinkAction(_previous: ConfirmState, formData: FormData): Promise<ConfirmState> {
  const result = await confirmDecisionLink({
    token: text(formData, "token") ?? "",
    session: await getActor(),
    intent: text(formData, "intent"),
    note: text(formData, "note"),
    reply: text(formData, "reply"),
    password: text(formData, "password"),
  });
  // No revalidatePath: it would re-render this page, which then (rightly) says "already used" instead of the
  // outcome. Inboxes learn of the decision from the event stream.
  return result;
}

/** "Sign in as Jane": sign the other person out and come back to this link. */
export async function signOutForLink(formData: FormData): Promise<void> {
  const token = text(formData, "token") ?? "";
  // Only a token's own characters go into the path we come back to.
  const back = /^[A-Za-z0-9_.-]{1,2200}$/.test(token) ? `/decide/${token}` : "/login";
  await signOut({ redirectTo: back });
}
