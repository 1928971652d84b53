import { PageLinks } from "@/components/ui/page-links";
import { type ActivityFilter, activityHref, type Cursor } from "@/lib/activity/filters";

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
  return (
    <PageLinks
      label="Pages"
      previous={newer ? { href: activityHref(filter, newer), text: "Newer events" } : null}
      next={older ? { href: activityHref(filter, older), text: "Older events" } : null}
    />
  );
}
