"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/family/form-state";
import { FormMessage } from "./form-field";
import { useFamilyForm } from "./use-family-form";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** Hidden fields that say what to act on (ids, looked up again on the server). */
  fields: Record<string, string>;
  /** The first button's accessible name, e.g. "Revoke Sushi World for Rose". */
  label: string;
  /** Its visible text when the label is long ("Revoke"); the accessible name still says what. */
  shortLabel?: string;
  /** Asked before doing it, e.g. "Remove Burger Bonanza? Its pending requests are cancelled." */
  question: string;
  confirmLabel: string;
};

/**
 * A destructive action in two steps, both plain buttons: reachable by keyboard and screen readers, unlike
 * window.confirm. The confirm button takes the focus when it appears; Cancel gives it back.
 */
export function ConfirmForm({ action, fields, label, shortLabel, question, confirmLabel }: Props) {
  const [step, setStep] = useState<"idle" | "asking" | "cancelled">("idle");
  const [state, formAction, pending] = useFamilyForm(action);

  if (step !== "asking") {
    return (
      <div>
        <Button
          type="button"
          variant="danger"
          aria-label={shortLabel ? label : undefined}
          autoFocus={step === "cancelled"}
          onClick={() => setStep("asking")}
        >
          {shortLabel ?? label}
        </Button>
      </div>
    );
  }
  return (
    <form
      action={formAction}
      className="w-full space-y-2 rounded-xl bg-red-50 p-3 ring-1 ring-red-200 dark:bg-red-950/40 dark:ring-red-900"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p className="font-medium text-sm">{question}</p>
      <div className="flex flex-wrap gap-2">
        {/* Focus moves to the question's answer the user just asked for. */}
        <Button type="submit" variant="danger" disabled={pending} autoFocus>
          {confirmLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setStep("cancelled")} disabled={pending}>
          Cancel
        </Button>
      </div>
      <FormMessage state={state.ok === false ? state : {}} />
    </form>
  );
}
