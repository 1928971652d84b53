"use client";

import { useId } from "react";
import { saveRulesAction } from "@/app/(parent)/family/rules/actions";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, FormMessage } from "./form-field";
import { useFamilyForm } from "./use-family-form";

type Props = {
  /** The current rules as the form's text, keyed by field name ("budgets.<childId>.daily", …). */
  initial: Record<string, string>;
  kids: Array<{ id: string; name: string }>;
  timeZones: string[];
};

const fieldset = "rounded-2xl bg-white p-4 ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800";
const legend = "mb-1 font-semibold text-lg";

/** One form for every rule; the server checks it all and saves a new version only when something changed. */
export function RulesForm({ initial, kids, timeZones }: Props) {
  const [state, action, pending] = useFamilyForm(saveRulesAction);
  // After a refused save, show what was typed; otherwise the saved rules (the page re-renders after saving).
  const values = state.ok === false && state.values ? state.values : initial;
  const errors = state.fieldErrors ?? {};
  const value = (name: string) => values[name] ?? "";
  const outsideId = useId();
  const zoneId = useId();

  return (
    <form action={action} className="space-y-5" aria-label="Family rules">
      <div className={fieldset}>
        <fieldset className="space-y-3">
          <legend className={legend}>Limits</legend>
          <FormField
            name="premiumLimit"
            label="Premium dish limit ($)"
            inputMode="decimal"
            hint="Dishes that cost more need a parent's approval."
            defaultValue={value("premiumLimit")}
            error={errors.premiumLimit}
          />
          <FormField
            name="maxPending"
            label="Most requests waiting per child"
            inputMode="numeric"
            hint="1 to 50."
            defaultValue={value("maxPending")}
            error={errors.maxPending}
          />
          <FormField
            name="expiryMinutes"
            label="Requests expire after (minutes)"
            inputMode="numeric"
            hint="5 minutes to 10,080 (a week)."
            defaultValue={value("expiryMinutes")}
            error={errors.expiryMinutes}
          />
        </fieldset>
      </div>

      <div className={fieldset}>
        <fieldset className="space-y-3">
          <legend className={legend}>Budgets</legend>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            In dollars. Leave blank for no limit. An order that would go over a budget needs a parent.
          </p>
          {kids.length === 0 ? <p className="text-sm">No children yet.</p> : null}
          {kids.map((child) => (
            <div key={child.id} className="grid gap-3 sm:grid-cols-2">
              <FormField
                name={`budgets.${child.id}.daily`}
                label={`Daily budget for ${child.name} ($)`}
                inputMode="decimal"
                defaultValue={value(`budgets.${child.id}.daily`)}
                error={errors[`budgets.${child.id}.daily`]}
              />
              <FormField
                name={`budgets.${child.id}.weekly`}
                label={`Weekly budget for ${child.name} ($)`}
                inputMode="decimal"
                defaultValue={value(`budgets.${child.id}.weekly`)}
                error={errors[`budgets.${child.id}.weekly`]}
              />
            </div>
          ))}
        </fieldset>
      </div>

      <div className={fieldset}>
        <fieldset className="space-y-3">
          <legend className={legend}>Ordering hours</legend>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            Leave both blank to allow any time. An end before the start runs past midnight.
          </p>
          <div className="grid grid-cols-2 gap-3">
            <FormField
              name="orderingStart"
              type="time"
              label="Ordering hours from"
              defaultValue={value("orderingStart")}
              error={errors.orderingStart}
            />
            <FormField
              name="orderingEnd"
              type="time"
              label="Ordering hours until"
              defaultValue={value("orderingEnd")}
              error={errors.orderingEnd}
            />
          </div>
          <fieldset aria-describedby={errors.outsideHours ? `${outsideId}-error` : undefined}>
            <legend className="font-medium text-sm">Outside ordering hours</legend>
            <div className="mt-1 flex flex-wrap gap-x-6">
              {(
                [
                  ["ASK", "Ask a parent"],
                  ["REFUSE", "Refuse"],
                ] as const
              ).map(([option, label]) => (
                <label key={option} className="flex min-h-11 items-center gap-2">
                  <input
                    type="radio"
                    name="outsideHours"
                    value={option}
                    defaultChecked={value("outsideHours") === option}
                    className="size-5 accent-brand-700"
                  />
                  {label}
                </label>
              ))}
            </div>
            {errors.outsideHours ? <FieldError id={`${outsideId}-error`}>{errors.outsideHours}</FieldError> : null}
          </fieldset>
          <div className="space-y-1.5">
            <label htmlFor={zoneId} className="block font-medium text-sm">
              Time zone
            </label>
            <select
              id={zoneId}
              name="timeZone"
              defaultValue={value("timeZone")}
              aria-invalid={errors.timeZone ? true : undefined}
              aria-describedby={errors.timeZone ? `${zoneId}-error` : undefined}
              className="block min-h-11 w-full rounded-xl border border-stone-300 bg-white px-3 text-base dark:border-stone-700 dark:bg-stone-950"
            >
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll("_", " ")}
                </option>
              ))}
            </select>
            {errors.timeZone ? <FieldError id={`${zoneId}-error`}>{errors.timeZone}</FieldError> : null}
          </div>
        </fieldset>
      </div>

      <div className={fieldset}>
        <fieldset className="space-y-3">
          <legend className={legend}>Notifications</legend>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            Each parent chooses where they are told on the Notifications page. Leave a box blank to switch it off.
          </p>
          <FormField
            name="escalationMinutes"
            label="Tell the other parents after (minutes)"
            inputMode="numeric"
            hint="When nobody has decided a request by then, every parent is told, even those who asked for escalations only. 1 to 1,440."
            defaultValue={value("escalationMinutes")}
            error={errors.escalationMinutes}
          />
          <FormField
            name="expiryWarningMinutes"
            label="Warn before a request expires (minutes)"
            inputMode="numeric"
            hint="Parents are reminded this long before a waiting request expires, even in quiet hours."
            defaultValue={value("expiryWarningMinutes")}
            error={errors.expiryWarningMinutes}
          />
        </fieldset>
      </div>

      <div className="space-y-2">
        <Button type="submit" disabled={pending}>
          Save rules
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
