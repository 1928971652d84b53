"use client";

import { savePreferencesAction } from "@/app/(parent)/family/notifications/actions";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, FormMessage } from "../form-field";
import { useFamilyForm } from "../use-family-form";

type Values = { quietStart: string; quietEnd: string; notifyOn: string };

export function PreferencesForm({ initial, timeZone }: { initial: Values; timeZone: string }) {
  const [state, action, pending] = useFamilyForm(savePreferencesAction);
  const values = state.ok === false && state.values ? (state.values as Values) : initial;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" aria-label="When to tell you">
      <fieldset className="space-y-2">
        <legend className="font-medium">Quiet hours</legend>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          In the family's time zone ({timeZone.replaceAll("_", " ")}). Notifications wait until the quiet hours end,
          unless the request would expire first. Leave both blank for none; an end before the start runs past midnight.
        </p>
        <div className="grid grid-cols-2 gap-3">
          <FormField
            name="quietStart"
            type="time"
            label="Quiet from"
            defaultValue={values.quietStart}
            error={errors.quietStart}
          />
          <FormField
            name="quietEnd"
            type="time"
            label="Quiet until"
            defaultValue={values.quietEnd}
            error={errors.quietEnd}
          />
        </div>
      </fieldset>
      <fieldset aria-describedby={errors.notifyOn ? "notify-on-error" : undefined}>
        <legend className="font-medium">Tell me about</legend>
        <div className="mt-1 flex flex-col">
          {(
            [
              ["ALL", "Every request"],
              ["ESCALATION", "Only escalations (requests nobody decided in time)"],
            ] as const
          ).map(([value, text]) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="notifyOn"
                value={value}
                defaultChecked={values.notifyOn === value}
                className="size-5 accent-brand-700"
              />
              {text}
            </label>
          ))}
        </div>
        {errors.notifyOn ? <FieldError id="notify-on-error">{errors.notifyOn}</FieldError> : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        Save
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
