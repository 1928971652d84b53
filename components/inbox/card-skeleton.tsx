/**
 * A placeholder the size of an inbox card while it streams in, so nothing below it moves when the card arrives:
 * a waiting one-dish order measured 845 px on a Pixel 7 and 712 px on a desktop, a decided card 222 and 161 px.
 */
export function CardSkeleton({ decided = false }: { decided?: boolean }) {
  return (
    <div
      aria-hidden
      className={`animate-pulse rounded-2xl bg-white ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800 ${decided ? "h-[222px] sm:h-[161px]" : "h-[845px] sm:h-[712px]"}`}
    />
  );
}
