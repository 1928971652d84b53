import { type InputHTMLAttributes, type ReactNode, useId } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  name: string;
  label: ReactNode;
  /** What is wrong with the value, from the server. */
  error?: string;
  hint?: ReactNode;
};

/** A labelled input whose error is tied to it (aria-invalid, aria-describedby) and shown beside it. */
export function FormField({ label, error, hint, className = "", ...input }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`space-y-1.5 ${className}`}>
      <label htmlFor={id} className="block font-medium text-sm">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
        className="block min-h-11 w-full rounded-xl border border-stone-300 bg-white px-3 text-base aria-invalid:border-red-600 dark:border-stone-700 dark:bg-stone-950 dark:aria-invalid:border-red-400"
      />
      {hint ? (
        <p id={hintId} className="text-stone-600 text-xs dark:text-stone-400">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="font-medium text-red-800 text-sm dark:text-red-300">
      <span aria-hidden>⚠ </span>
      {children}
    </p>
  );
}

/** The form's own message (success or failure), announced politely. */
export function FormMessage({ state }: { state: { ok?: boolean; message?: string } }) {
  if (!state.message) return null;
  return (
    <p
      role="status"
      className={`text-sm ${state.ok ? "text-green-800 dark:text-green-300" : "text-red-800 dark:text-red-300"}`}
    >
      {state.message}
    </p>
  );
}
