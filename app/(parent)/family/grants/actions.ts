"use server";

import { type FormState, textOf } from "@/lib/family/form-state";
import { revokeGrant } from "@/lib/family/grants";
import { runFamilyAction } from "../run-action";

export async function revokeGrantAction(_: FormState, formData: FormData): Promise<FormState> {
  return runFamilyAction("grant.revoke", {}, async (actor) => {
    const result = await revokeGrant(actor, { grantId: textOf(formData, "grantId") });
    return result.alreadyRevoked
      ? `${result.subject} was already revoked for ${result.childName}.`
      : `Revoked ${result.subject} for ${result.childName}: they need a parent's approval again.`;
  });
}
