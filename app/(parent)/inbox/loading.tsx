import { CardSkeletons } from "@/components/inbox/card-skeletons";

/** Shown at once when a parent navigates to the inbox, until the page's shell (heading and count) is ready. */
export default function InboxLoading() {
  return (
    <div className="space-y-4" role="status" aria-busy="true">
      <span className="sr-only">Loading the inbox…</span>
      <div className="h-8 w-56 animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
      <CardSkeletons count={2} />
    </div>
  );
}
