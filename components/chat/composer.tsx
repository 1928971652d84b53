"use client";

import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";

const MAX_LENGTH = 1000;

type Props = {
  busy: boolean;
  failed: boolean;
  onSend: (text: string) => void;
  onFocus?: () => void;
  draftKey: string;
};

/**
 * The message box. Nothing typed is lost: it comes back if sending fails, and an unsent draft is kept
 * in the tab's session storage across reloads.
 */
export function Composer({ busy, failed, onSend, onFocus, draftKey }: Props) {
  const [text, setText] = useState("");
  const lastSent = useRef("");
  const input = useRef<HTMLTextAreaElement>(null);
  const storageKey = `lunchbox:draft:${draftKey}`;

  useEffect(() => {
    const saved = sessionStorage.getItem(storageKey);
    if (saved) setText(saved);
  }, [storageKey]);
  useEffect(() => {
    if (text) sessionStorage.setItem(storageKey, text);
    else sessionStorage.removeItem(storageKey);
  }, [text, storageKey]);

  useEffect(() => {
    if (failed && lastSent.current) {
      setText((current) => current || lastSent.current);
      lastSent.current = "";
    }
  }, [failed]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || busy || trimmed.length > MAX_LENGTH) return;
    lastSent.current = trimmed;
    onSend(trimmed);
    setText("");
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };

  const tooLong = text.length > MAX_LENGTH;
  return (
    <form
      onSubmit={submit}
      className="border-stone-200 border-t bg-white px-3 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] dark:border-stone-800 dark:bg-stone-900"
    >
      <div className="flex items-end gap-2">
        <label htmlFor="chat-message" className="sr-only">
          Message
        </label>
        <textarea
          id="chat-message"
          ref={input}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          rows={1}
          placeholder="Tell me what you'd like…"
          aria-invalid={tooLong}
          aria-describedby={tooLong ? "chat-message-error" : undefined}
          className="max-h-40 min-h-11 flex-1 resize-none rounded-xl border border-stone-300 bg-white px-3 py-2.5 text-base dark:border-stone-700 dark:bg-stone-950"
        />
        <button
          type="submit"
          disabled={busy || !text.trim() || tooLong}
          className="min-h-11 min-w-16 rounded-xl bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:bg-brand-700/50"
        >
          Send
        </button>
      </div>
      {tooLong ? (
        <p id="chat-message-error" role="alert" className="mt-1 text-red-700 text-sm dark:text-red-300">
          That's {text.length} characters; please keep it under {MAX_LENGTH}.
        </p>
      ) : null}
    </form>
  );
}
