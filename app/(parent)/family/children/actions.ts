"use server";

import { createChild, removeChild, renameChild, resetChildSecret } from "@/lib/family/children";
import { type FormState, textOf } from "@/lib/family/form-state";
import { runFamilyAction } from "../run-action";

export async function addChildAction(_: FormState, formData: FormData): Promise<FormState> {
  // The password or PIN is never sent back to the page.
  const values = { name: textOf(formData, "name"), username: textOf(formData, "username") };
  const state = await runFamilyAction("child.create", values, async (actor) => {
    const child = await createChild(actor, { ...values, secret: textOf(formData, "secret") });
    return `Added ${child.name}. They can sign in now.`;
  });
  return state.ok ? { ...state, values: undefined } : state;
}

export async function renameChildAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = { name: textOf(formData, "name") };
  return runFamilyAction("child.update", values, async (actor) => {
    const previous = await renameChild(actor, { childId: textOf(formData, "childId"), name: values.name });
    return previous === null ? "Nothing to save: no changes." : `Renamed ${previous} to ${values.name.trim()}.`;
  });
}

export async function resetSecretAction(_: FormState, formData: FormData): Promise<FormState> {
  const state = await runFamilyAction("child.password_reset", {}, async (actor) => {
    const name = await resetChildSecret(actor, {
      childId: textOf(formData, "childId"),
      secret: textOf(formData, "secret"),
    });
    return `New password or PIN saved for ${name}.`;
  });
  return state;
}

export async function removeChildAction(_: FormState, formData: FormData): Promise<FormState> {
  return runFamilyAction("child.remove", {}, async (actor) => {
    const result = await removeChild(actor, { childId: textOf(formData, "childId") });
    const extra = result.cancelled > 0 ? ` ${result.cancelled} pending request(s) were cancelled.` : "";
    return `Removed ${result.name}: they can no longer sign in.${extra}`;
  });
}
