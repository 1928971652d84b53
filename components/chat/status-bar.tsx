import { formatCents } from "@/lib/money";

export type HeaderStatus = { pendingCount: number; remainingTodayCents: number | null };

/** What waits for a parent and what is left to spend today, announced politely when it changes. */
export function StatusBar({ status }: { status: HeaderStatus }) {
  const waiting =
    status.pendingCount === 0 ? "Nothing waiting for a parent" : `${status.pendingCount} waiting for a parent`;
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label="Your status"
      className="flex flex-wrap items-center gap-x-4 gap-y-1 border-stone-200 border-b px-4 py-2 text-sm dark:border-stone-800"
    >
      <span
        className={
          status.pendingCount > 0
            ? "font-semibold text-amber-800 dark:text-amber-200"
            : "text-stone-600 dark:text-stone-400"
        }
      >
        <span aria-hidden>⏳ </span>
        {waiting}
      </span>
      {status.remainingTodayCents === null ? null : (
        <span className="font-semibold text-green-800 dark:text-green-300">
          <span aria-hidden>💰 </span>
          {formatCents(status.remainingTodayCents)} left today
        </span>
      )}
    </div>
  );
}
