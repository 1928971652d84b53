import type { NotificationLine } from "@/lib/notify/summary";

/** "Emailed Jane 18:04 · Push to Joe failed (3 tries)": who was told about this request, and how it went. */
export function NotificationLog({ lines }: { lines: NotificationLine[] }) {
  if (lines.length === 0) return null;
  return (
    <ul
      aria-label="Notifications"
      className="mt-1 flex flex-wrap gap-x-1 text-stone-600 text-xs dark:text-stone-400 [&>li+li]:before:mr-1 [&>li+li]:before:content-['·']"
    >
      {lines.map((line) => (
        <li key={line.id} className={line.failed ? "font-semibold text-red-800 dark:text-red-300" : undefined}>
          {line.failed ? <span aria-hidden>⚠ </span> : null}
          {line.text}
        </li>
      ))}
    </ul>
  );
}
