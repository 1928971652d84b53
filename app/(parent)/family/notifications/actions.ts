"use server";

import { type FormState, textOf } from "@/lib/family/form-state";
import { addEmailChannel, addWebhookChannel, removeChannel } from "@/lib/notify/settings/channels";
import { savePreferences } from "@/lib/notify/settings/preferences";
import { sendTestMessage, type TestResult } from "@/lib/notify/settings/test-send";
import { runFamilyAction } from "../run-action";

export async function addEmailAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = { address: textOf(formData, "address") };
  const state = await runFamilyAction("notify.channel_add", values, async (actor) => {
    const channel = await addEmailChannel(actor, values);
    return `Requests will be emailed to ${channel.label}.`;
  });
  return state.ok ? { ...state, values: undefined } : state;
}

export type WebhookFormState = FormState & { secret?: string; label?: string };

/** The secret comes back in this one answer, to be shown once; it is never listed again. */
export async function addWebhookAction(_: WebhookFormState, formData: FormData): Promise<WebhookFormState> {
  const values = { url: textOf(formData, "url"), format: textOf(formData, "format") };
  let created: { secret: string; label: string } | undefined;
  const state = await runFamilyAction("notify.channel_add", values, async (actor) => {
    created = await addWebhookChannel(actor, values);
    return `Added the ${created.label}.`;
  });
  return state.ok && created ? { ...state, values: undefined, secret: created.secret, label: created.label } : state;
}

export async function removeChannelAction(_: FormState, formData: FormData): Promise<FormState> {
  return runFamilyAction("notify.channel_remove", {}, async (actor) => {
    const channel = await removeChannel(actor, textOf(formData, "channelId"));
    return `Removed ${channel.label}.`;
  });
}

export async function testChannelAction(_: FormState, formData: FormData): Promise<FormState> {
  let result: TestResult | undefined;
  const state = await runFamilyAction("notify.channel_test", {}, async (actor) => {
    result = await sendTestMessage(actor, textOf(formData, "channelId"));
    return result.message;
  });
  // A failed test is the answer the parent asked for, shown as a failure.
  return result && !result.ok ? { ...state, ok: false } : state;
}

export async function savePreferencesAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = {
    quietStart: textOf(formData, "quietStart"),
    quietEnd: textOf(formData, "quietEnd"),
    notifyOn: textOf(formData, "notifyOn"),
  };
  return runFamilyAction("notify.preferences", values, async (actor) => {
    const { changes } = await savePreferences(actor, values);
    return changes.length === 0 ? "Nothing to save: no changes." : `Saved: ${changes.join("; ")}.`;
  });
}
