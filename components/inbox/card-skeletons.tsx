/**
 * Placeholders the size of inbox cards while they stream in, so nothing below them moves when the cards arrive:
 * a waiting one-dish order measured 845 px on a Pixel 7 and 712 px on a desktop, a decided card 222 and 161 px.
 */
export function CardSkeletons({ count, decided = false }: { count: number; decided?: boolean }) {
  return (
    <ul className={decided ? "space-y-3" : "space-y-4"} aria-hidden>
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders, never reordered
        <li key={i}>
          <div
            className={`animate-pulse rounded-2xl bg-white ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800 ${decided ? "h-[222px] sm:h-[161px]" : "h-[845px] sm:h-[712px]"}`}
          />
        </li>
      ))}
    </ul>
  );
}

/** The waiting list's placeholder: with more requests than a page, also the position line and the page links. */
export function PendingSkeleton({ count, paged }: { count: number; paged: boolean }) {
  return (
    <div className="space-y-4" aria-hidden>
      {paged ? <div className="h-5" /> : null}
      <CardSkeletons count={count} />
      {paged ? <div className="h-11" /> : null}
    </div>
  );
}
