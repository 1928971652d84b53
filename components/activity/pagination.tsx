import Link from "next/link";
import { type ActivityFilter, activityHref, type Cursor } from "@/lib/activity/filters";

const LINK =
  "inline-flex min-h-11 items-center rounded-xl px-4 font-semibold ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800";

/** Keyset pages: links carry the filters and a seq cursor, so a page is the same 50 rows however deep it is. */
export function Pagination({
  filter,
  newer,
  older,
}: {
  filter: ActivityFilter;
  newer: Cursor | null;
  older: Cursor | null;
}) {
  if (!newer && !older) return null;
  return (
    <nav aria-label="Pages" className="flex flex-wrap justify-between gap-2">
      {newer ? (
        <Link href={activityHref(filter, newer)} rel="prev" className={LINK}>
          <span aria-hidden>← </span>Newer events
        </Link>
      ) : (
        <span />
      )}
      {older ? (
        <Link href={activityHref(filter, older)} rel="next" className={LINK}>
          Older events<span aria-hidden> →</span>
        </Link>
      ) : null}
    </nav>
  );
}
