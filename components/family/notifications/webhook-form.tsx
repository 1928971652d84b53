"use client";

import { useActionState, useId, useState } from "react";
import { toast } from "sonner";
import { addWebhookAction, type WebhookFormState } from "@/app/(parent)/family/notifications/actions";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, FormMessage } from "../form-field";

/** The signing secret, shown once after adding a JSON webhook, with a copy button. */
function SecretOnce({ secret, label }: { secret: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  return (
    <div className="space-y-2 rounded-xl bg-amber-50 p-3 ring-1 ring-amber-200 dark:bg-amber-950/40 dark:ring-amber-900">
      <p className="font-medium text-sm">
        Signing secret for the {label}. Copy it now: it is not shown again. Your receiver checks the
        X-Lunchbox-Signature header with it.
      </p>
      <label htmlFor={id} className="sr-only">
        Signing secret
      </label>
      <input
        id={id}
        readOnly
        value={secret}
        onFocus={(event) => event.currentTarget.select()}
        className="block min-h-11 w-full rounded-xl border border-stone-300 bg-white px-3 font-mono text-sm dark:border-stone-700 dark:bg-stone-950"
      />
      <Button
        type="button"
        variant="secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(secret);
            setCopied(true);
          } catch {
            toast.error("Copying is not allowed here: select the secret and copy it by hand.");
          }
        }}
      >
        {copied ? "Copied" : "Copy secret"}
      </Button>
      <p role="status" className="sr-only">
        {copied ? "Secret copied" : ""}
      </p>
    </div>
  );
}

export function AddWebhookForm() {
  const [state, action, pending] = useActionState<WebhookFormState, FormData>(async (previous, formData) => {
    const result = await addWebhookAction(previous, formData);
    if (result.message) (result.ok ? toast.success : toast.error)(result.message);
    return result;
  }, {});
  const formatId = useId();
  const format = state.values?.format ?? "json";
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Slack: paste an incoming-webhook URL. Signed JSON: any URL that accepts a POST; each body is signed with a
        secret shown once.
      </p>
      <form action={action} className="space-y-3" aria-label="Add a webhook">
        <FormField
          name="url"
          type="url"
          label="Webhook URL"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={2000}
          placeholder="https://"
          defaultValue={state.values?.url ?? ""}
          error={state.fieldErrors?.url}
        />
        <fieldset aria-describedby={state.fieldErrors?.format ? `${formatId}-error` : undefined}>
          <legend className="font-medium text-sm">Format</legend>
          <div className="mt-1 flex flex-wrap gap-x-6">
            {(
              [
                ["json", "Signed JSON"],
                ["slack", "Slack"],
              ] as const
            ).map(([value, text]) => (
              <label key={value} className="flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name="format"
                  value={value}
                  defaultChecked={format === value}
                  className="size-5 accent-brand-700"
                />
                {text}
              </label>
            ))}
          </div>
          {state.fieldErrors?.format ? (
            <FieldError id={`${formatId}-error`}>{state.fieldErrors.format}</FieldError>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={pending}>
          Add webhook
        </Button>
        <FormMessage state={state} />
      </form>
      {state.ok && state.secret && state.label?.startsWith("Signed JSON") ? (
        <SecretOnce key={state.secret} secret={state.secret} label={state.label} />
      ) : null}
    </div>
  );
}
