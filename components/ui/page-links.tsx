import Link from "next/link";
import { LinkPending } from "./link-pending";

const LINK =
  "inline-flex min-h-11 items-center rounded-xl px-4 font-semibold ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800";

export type PageLink = { href: string; text: string };

/**
 * Links to the pages either side of a keyset page (each is null when there is none), as a labelled landmark. A dot
 * pulses while the page is on the way (the inbox has no loading.tsx: its first cards come with its first flush).
 */
export function PageLinks({
  label,
  previous,
  next,
}: {
  label: string;
  previous: PageLink | null;
  next: PageLink | null;
}) {
  if (!previous && !next) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap justify-between gap-2">
      {previous ? (
        <Link href={previous.href} rel="prev" className={LINK}>
          <span aria-hidden>← </span>
          {previous.text}
          <LinkPending />
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={next.href} rel="next" className={LINK}>
          {next.text}
          <LinkPending />
          <span aria-hidden> →</span>
        </Link>
      ) : null}
    </nav>
  );
}
