import { format } from "date-fns";
import type { DeliveryRow } from "@/lib/notify/settings/deliveries";

// Status in a word and a colour, never colour alone.
const STATUS: Record<string, { label: string; className: string }> = {
  PENDING: { label: "Waiting", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
  SENDING: { label: "Sending", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
  SENT: { label: "Sent", className: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200" },
  FAILED: { label: "Failed", className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" },
  CANCELLED: { label: "Not needed", className: "bg-stone-200 text-stone-800 dark:bg-stone-800 dark:text-stone-200" },
};
const REASON: Record<string, string> = {
  NEW_REQUEST: "New request",
  ESCALATION: "Escalation",
  EXPIRY_WARNING: "Expiry warning",
};
const KIND: Record<string, string> = { ORDER: "order", RESTAURANT_ACCESS: "restaurant access", QUESTION: "question" };

const time = (date: Date) => (
  <time dateTime={date.toISOString()} title={format(date, "PPpp")}>
    {format(date, "d MMM HH:mm")}
  </time>
);

/** The parent's last 20 deliveries, as a list that reads well on a phone. */
export function DeliveryLog({ rows }: { rows: DeliveryRow[] }) {
  if (rows.length === 0) {
    return <p className="text-sm text-stone-600 dark:text-stone-400">Nothing has been sent to you yet.</p>;
  }
  return (
    <ol className="divide-y divide-stone-200 dark:divide-stone-800" aria-label="Recent deliveries">
      {rows.map((row) => {
        const status = STATUS[row.status] ?? { label: row.status, className: "" };
        return (
          <li key={row.id} className="space-y-1 py-2 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className={`rounded-full px-2 py-0.5 font-semibold ${status.className}`}>{status.label}</span>
              <span className="font-medium">
                {REASON[row.reason] ?? row.reason}: {row.childName}'s {KIND[row.requestKind] ?? "request"}
              </span>
            </div>
            <p className="break-words text-stone-600 dark:text-stone-400">
              {row.channel} · queued {time(row.createdAt)}
              {row.sentAt ? <> · sent {time(row.sentAt)}</> : null}
              {row.attempts > 0 ? ` · ${row.attempts} ${row.attempts === 1 ? "try" : "tries"}` : null}
              {row.status === "PENDING" && row.attempts > 0 ? <> · next try {time(row.nextAttemptAt)}</> : null}
            </p>
            {row.lastError ? <p className="break-words text-red-800 dark:text-red-300">{row.lastError}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
