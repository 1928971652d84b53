"use client";

import { type FormEvent, startTransition, useActionState, useId, useState } from "react";
import { toast } from "sonner";
import { type DecisionState, decideAction } from "@/app/(parent)/inbox/actions";
import { Button } from "@/components/ui/button";
import type { LineItem } from "@/lib/ai/tools/contracts";
import { SCOPE_LABELS } from "@/lib/approvals/scope";
import type { DecisionScope } from "@/lib/policy";
import { ExpiresAt } from "./expires-at";
import { useMenu } from "./menus";
import { initialDrafts, isEdited, type LineDraft, OrderEditor } from "./order-editor";

type Props = {
  requestId: string;
  kind: "ORDER" | "RESTAURANT_ACCESS";
  childName: string;
  expiresAt: Date;
  items: LineItem[];
  totalCents: number;
  /** The order's restaurant: an edit picks from its menu (MenusProvider). */
  restaurantId: string | null;
  scopes: DecisionScope[];
};

/**
 * Approve (with a scope, and for an order possibly with changes) or deny. Every field is held in React state,
 * which survives the live `router.refresh()` of the inbox and an error from the server; the form is submitted
 * without React's automatic form reset, so nothing typed is lost on an error.
 */
export function DecisionForm({
  requestId,
  kind,
  childName,
  expiresAt,
  items,
  totalCents,
  restaurantId,
  scopes,
}: Props) {
  const menu = useMenu(restaurantId);
  // The card moves to "Decided" when the inbox re-renders, so the outcome is also shown as a toast that outlives it.
  const [state, dispatch, pending] = useActionState<DecisionState, FormData>(async (previous, formData) => {
    const result = await decideAction(previous, formData);
    if (result.message) (result.ok ? toast.success : toast.error)(result.message);
    return result;
  }, {});
  const [drafts, setDrafts] = useState<LineDraft[]>(() => initialDrafts(items));
  const [scope, setScope] = useState<DecisionScope>("ONCE");
  const [note, setNote] = useState("");
  const id = useId();
  const edited = kind === "ORDER" && isEdited(items, drafts);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  }

  return (
    <form action={dispatch} onSubmit={submit} className="mt-4 space-y-4">
      <input type="hidden" name="requestId" value={requestId} />
      {kind === "ORDER" ? (
        <OrderEditor
          items={items}
          totalCents={totalCents}
          menu={menu}
          drafts={drafts}
          onChange={setDrafts}
          disabled={pending}
          idPrefix={id}
        />
      ) : null}
      {scopes.length > 1 ? (
        <fieldset>
          <legend className="font-semibold text-sm">Allow</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {scopes.map((value) => (
              <label
                key={value}
                className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-xl px-3 ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-700 dark:ring-stone-700 dark:has-checked:bg-stone-800"
              >
                <input
                  type="radio"
                  name="scope"
                  value={value}
                  checked={scope === value}
                  onChange={() => setScope(value)}
                  disabled={pending}
                  className="size-5 accent-brand-700"
                />
                {SCOPE_LABELS[value]}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div>
        <label htmlFor={`${id}-note`} className="block font-medium text-sm">
          Note
        </label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={`Optional message to ${childName}`}
          className="mt-1 block w-full rounded-xl border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-700 dark:bg-stone-950"
        />
      </div>
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        <Button type="submit" name="intent" value="APPROVE" disabled={pending}>
          {edited ? "Approve with changes" : "Approve"}
        </Button>
        <Button type="submit" name="intent" value="DENY" variant="danger" disabled={pending}>
          Deny
        </Button>
        {edited ? (
          <Button
            type="button"
            variant="ghost"
            disabled={pending}
            onClick={() => setDrafts(initialDrafts(items))}
            className="col-span-2"
          >
            Undo changes
          </Button>
        ) : null}
      </div>
      <ExpiresAt expiresAt={expiresAt} />
      {state.message ? (
        <p
          role="status"
          className={`text-sm ${state.ok ? "text-green-800 dark:text-green-300" : "text-red-800 dark:text-red-300"}`}
        >
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
