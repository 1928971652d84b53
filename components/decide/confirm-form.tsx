"use client";

import Link from "next/link";
import { type FormEvent, startTransition, useActionState, useId, useState } from "react";
import { type ConfirmState, confirmLinkAction } from "@/app/decide/[token]/actions";
import { DecidedElsewhere } from "@/components/live/resolutions";
import { Button } from "@/components/ui/button";
import type { DecisionLinkAction } from "@/lib/decision-links/token";

type Props = {
  token: string;
  action: DecisionLinkAction;
  requestId: string;
  kind: string;
  childName: string;
  /** Set when nobody is signed in on this device: the parent confirms with their password. */
  passwordFor: string | null;
};

const MAX = 500;

// Refusals after which the buttons are of no more use: the link or the request is done.
const FINAL = new Set(["used", "closed", "expired", "cancelled", "invalid", "expired-link", "child", "wrong-parent"]);

/**
 * The confirm step of a one-tap link. The buttons sit in a bar fixed to the bottom of the screen, where a thumb
 * reaches on a phone held in one hand. Typed text is kept in React state, so an error never loses it.
 */
export function ConfirmForm({ token, action, requestId, kind, childName, passwordFor }: Props) {
  const [state, dispatch, pending] = useActionState<ConfirmState, FormData>(confirmLinkAction, null);
  const [text, setText] = useState("");
  const id = useId();
  const question = kind === "QUESTION";

  if (state?.ok || (state && FINAL.has(state.reason))) {
    return (
      <section
        aria-labelledby={`${id}-result`}
        className={`mt-6 rounded-2xl p-4 ring-1 ${state.ok ? "bg-green-50 ring-green-300 dark:bg-green-950/50 dark:ring-green-800" : "bg-stone-100 ring-stone-300 dark:bg-stone-900 dark:ring-stone-700"}`}
      >
        <div role="status">
          <h2 id={`${id}-result`} className="font-semibold text-lg">
            {state.message}
          </h2>
        </div>
        <Link href="/inbox" className="mt-2 inline-flex min-h-11 items-center font-semibold underline">
          Open the inbox
        </Link>
      </section>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  }

  const error = state && !state.ok ? state : null;
  const textError = error && (error.field === "reply" || error.field === undefined) && question ? error.message : null;
  const passwordError = error?.field === "password" ? error.message : null;
  const opposite = action === "approve" ? "Deny" : action === "deny" ? "Approve" : null;

  return (
    <DecidedElsewhere requestId={requestId}>
      <form onSubmit={submit} className="mt-6 space-y-4">
        <input type="hidden" name="token" value={token} />
        <div>
          <label htmlFor={`${id}-text`} className="block font-medium">
            {question ? "Reply" : "Note"}
          </label>
          <textarea
            id={`${id}-text`}
            name={question ? "reply" : "note"}
            rows={question ? 3 : 2}
            maxLength={MAX}
            required={question}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={question ? `Your answer, for ${childName}` : `Optional message to ${childName}`}
            aria-invalid={textError ? true : undefined}
            aria-describedby={textError ? `${id}-text-error` : undefined}
            className="mt-1 block w-full rounded-xl border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-700 dark:bg-stone-950"
          />
          {textError ? (
            <p id={`${id}-text-error`} className="mt-1 text-red-800 text-sm dark:text-red-300">
              {textError}
            </p>
          ) : null}
        </div>
        {passwordFor ? (
          <div>
            <label htmlFor={`${id}-password`} className="block font-medium">
              {passwordFor}&apos;s password
            </label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={`${id}-password-help${passwordError ? ` ${id}-password-error` : ""}`}
              className="mt-1 block min-h-11 w-full rounded-xl border border-stone-300 bg-white px-3 text-base dark:border-stone-700 dark:bg-stone-950"
            />
            <p id={`${id}-password-help`} className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              You are not signed in on this device. Your password confirms it is you; it does not sign you in.
            </p>
            {passwordError ? (
              <p id={`${id}-password-error`} className="mt-1 text-red-800 text-sm dark:text-red-300">
                {passwordError}
              </p>
            ) : null}
          </div>
        ) : null}
        {error && !textError && !passwordError ? (
          <p role="alert" className="text-red-800 dark:text-red-300">
            {error.message}
          </p>
        ) : null}

        {/* Fixed to the bottom: in thumb reach on a phone. The page leaves room for it (pb on <main>). */}
        <div className="fixed inset-x-0 bottom-0 z-10 border-stone-200 border-t bg-white/95 px-4 pt-3 pb-[max(env(safe-area-inset-bottom),0.75rem)] backdrop-blur dark:border-stone-800 dark:bg-stone-900/95">
          <div className="mx-auto max-w-lg space-y-1">
            <div className="flex gap-2">
              {question ? (
                <Button type="submit" disabled={pending} className="min-h-12 flex-1">
                  Send reply
                </Button>
              ) : null}
              {!question && action !== "deny" ? (
                <Button type="submit" name="intent" value="APPROVE" disabled={pending} className="min-h-12 flex-1">
                  Approve
                </Button>
              ) : null}
              {!question && action !== "approve" ? (
                <Button
                  type="submit"
                  name="intent"
                  value="DENY"
                  variant={action === "deny" ? "primary" : "danger"}
                  disabled={pending}
                  className="min-h-12 flex-1"
                >
                  Deny
                </Button>
              ) : null}
            </div>
            <div className="flex flex-wrap justify-between gap-x-4 text-sm">
              <Link href="/inbox" className="inline-flex min-h-11 items-center font-semibold underline">
                Open in the inbox
              </Link>
              {opposite ? (
                // The other answer is not one tap away on purpose: it is made in the inbox.
                <Link href="/inbox" className="inline-flex min-h-11 items-center underline">
                  {opposite} instead, in the inbox
                </Link>
              ) : null}
            </div>
          </div>
        </div>
      </form>
    </DecidedElsewhere>
  );
}
