import type { ReactNode } from "react";

/** A white rounded panel, as the inbox's cards look. */
export function Panel({
  children,
  className = "",
  ...rest
}: { children: ReactNode; className?: string } & React.HTMLAttributes<HTMLElement>) {
  return (
    <section
      {...rest}
      className={`rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800 ${className}`}
    >
      {children}
    </section>
  );
}

/** Shown where a list has nothing in it yet. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-2xl bg-white p-6 text-center text-stone-600 ring-1 ring-stone-200 dark:bg-stone-900 dark:text-stone-400 dark:ring-stone-800">
      {children}
    </p>
  );
}
