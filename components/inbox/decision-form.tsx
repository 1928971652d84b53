"use client";

import { useActionState, useId } from "react";
import { toast } from "sonner";
import { type DecisionState, decideAction } from "@/app/(parent)/inbox/actions";
import { Button } from "@/components/ui/button";

type Props = {
  requestId: string;
  kind: "ORDER" | "RESTAURANT_ACCESS" | "QUESTION";
  childName: string;
  expiresAt: Date;
};

export function DecisionForm({ requestId, kind, childName, expiresAt }: Props) {
  // The card moves to "Decided" when the inbox re-renders, so the outcome is also shown as a toast that outlives it.
  const [state, action, pending] = useActionState<DecisionState, FormData>(async (previous, formData) => {
    const result = await decideAction(previous, formData);
    if (result.message) (result.ok ? toast.success : toast.error)(result.message);
    return result;
  }, {});
  const noteId = useId();
  return (
    <form action={action} className="mt-4 space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <div>
        <label htmlFor={noteId} className="block font-medium text-sm">
          Note
        </label>
        <textarea
          id={noteId}
          name="note"
          rows={2}
          maxLength={500}
          placeholder={`Optional message to ${childName}`}
          className="mt-1 block w-full rounded-xl border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-700 dark:bg-stone-950"
        />
      </div>
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        {kind === "ORDER" ? (
          <Button type="submit" name="intent" value="APPROVE" disabled={pending}>
            Approve
          </Button>
        ) : (
          <>
            <Button type="submit" name="intent" value="ALLOW_ONCE" disabled={pending}>
              Allow once
            </Button>
            <Button type="submit" name="intent" value="ALLOW_ALWAYS" variant="secondary" disabled={pending}>
              Always allow
            </Button>
          </>
        )}
        <Button type="submit" name="intent" value="DENY" variant="danger" disabled={pending}>
          Deny
        </Button>
      </div>
      <p className="text-stone-500 text-xs">
        Expires at{" "}
        <time dateTime={expiresAt.toISOString()} suppressHydrationWarning>
          {expiresAt.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
        </time>
      </p>
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
