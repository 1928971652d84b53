"use client";

import { type FormEvent, startTransition, useActionState, useId, useState } from "react";
import { toast } from "sonner";
import { answerAction, type DecisionState } from "@/app/(parent)/inbox/actions";
import { Button } from "@/components/ui/button";
import { ExpiresAt } from "./expires-at";

const MAX = 500;

/**
 * The reply to a child's question. The text lives in React state: kept when the inbox refreshes live and when
 * the server refuses it (no automatic form reset), so a parent never types it twice.
 */
export function AnswerForm({
  requestId,
  childName,
  expiresAt,
}: {
  requestId: string;
  childName: string;
  expiresAt: Date;
}) {
  const [state, dispatch, pending] = useActionState<DecisionState, FormData>(async (previous, formData) => {
    const result = await answerAction(previous, formData);
    if (result.message) (result.ok ? toast.success : toast.error)(result.message);
    return result;
  }, {});
  const [reply, setReply] = useState("");
  const id = useId();
  const error = state.fieldErrors?.reply;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }

  return (
    <form action={dispatch} onSubmit={submit} className="mt-4 space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <div>
        <label htmlFor={`${id}-reply`} className="block font-medium text-sm">
          Reply
        </label>
        <textarea
          id={`${id}-reply`}
          name="reply"
          rows={3}
          required
          maxLength={MAX}
          value={reply}
          onChange={(e) => setReply(e.target.value)}
          placeholder={`Your answer, for ${childName}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-count${error ? ` ${id}-error` : ""}`}
          className="mt-1 block w-full rounded-xl border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-700 dark:bg-stone-950"
        />
        <p id={`${id}-count`} className="mt-1 text-stone-600 text-xs dark:text-stone-400">
          {reply.length}/{MAX} characters
        </p>
        {error ? (
          <p id={`${id}-error`} className="text-red-800 text-sm dark:text-red-300">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        Send reply
      </Button>
      <ExpiresAt expiresAt={expiresAt} />
      {state.message && !error ? (
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
