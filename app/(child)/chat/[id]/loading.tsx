export default function ChatLoading() {
  return (
    <div className="flex-1 space-y-4 px-4 py-4" role="status" aria-busy="true">
      <span className="sr-only">Loading your chat…</span>
      <div className="ml-auto h-10 w-2/3 animate-pulse rounded-2xl bg-brand-100 dark:bg-stone-800" />
      <div className="h-24 w-5/6 animate-pulse rounded-2xl bg-stone-200 dark:bg-stone-800" />
      <div className="h-6 w-1/2 animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
    </div>
  );
}
