import Link from "next/link";
import { type ActivityFilter, isFiltered, KINDS, STATUSES } from "@/lib/activity/filters";

type Child = { id: string; name: string; active: boolean };

const SELECT =
  "block min-h-11 w-full rounded-xl border border-stone-300 bg-white px-3 text-base dark:border-stone-700 dark:bg-stone-950";

/** A plain GET form: works without JavaScript, and the URL it makes can be shared or bookmarked. */
export function ActivityFilters({ filter, childList }: { filter: ActivityFilter; childList: Child[] }) {
  return (
    <form
      method="get"
      action="/activity"
      aria-label="Filter events"
      className="grid grid-cols-1 gap-3 rounded-2xl bg-white p-4 ring-1 ring-stone-200 sm:grid-cols-3 dark:bg-stone-900 dark:ring-stone-800"
    >
      <div className="space-y-1.5">
        <label htmlFor="activity-child" className="block font-medium text-sm">
          Child
        </label>
        <select id="activity-child" name="child" defaultValue={filter.childId ?? ""} className={SELECT}>
          <option value="">All children</option>
          {childList.map((child) => (
            <option key={child.id} value={child.id}>
              {child.active ? child.name : `${child.name} (removed)`}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="activity-kind" className="block font-medium text-sm">
          Kind
        </label>
        <select id="activity-kind" name="kind" defaultValue={filter.kind ?? ""} className={SELECT}>
          <option value="">All kinds</option>
          {Object.entries(KINDS).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="activity-status" className="block font-medium text-sm">
          Status
        </label>
        <select
          id="activity-status"
          name="status"
          defaultValue={filter.status ?? ""}
          aria-describedby="activity-status-hint"
          className={SELECT}
        >
          <option value="">Any status</option>
          {Object.entries(STATUSES).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <p id="activity-status-hint" className="text-stone-600 text-xs dark:text-stone-400">
          For requests only.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-3">
        <button
          type="submit"
          className="inline-flex min-h-11 items-center justify-center rounded-xl bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
        >
          Apply
        </button>
        {isFiltered(filter) ? (
          <Link
            href="/activity"
            className="inline-flex min-h-11 items-center rounded-xl px-4 font-semibold text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800"
          >
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
