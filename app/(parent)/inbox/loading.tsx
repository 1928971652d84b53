export default function InboxLoading() {
  return (
    <div className="space-y-4" role="status" aria-busy="true">
      <span className="sr-only">Loading the inbox…</span>
      <div className="h-8 w-56 animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
      {[0, 1].map((i) => (
        <div
          key={i}
          className="h-64 animate-pulse rounded-2xl bg-white ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800"
        />
      ))}
    </div>
  );
}
