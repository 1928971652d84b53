import { Suspense } from "react";
import { PageLinks } from "@/components/ui/page-links";
import { inboxHref } from "@/lib/approvals/pending-pages";
import type { InboxItem, PendingPage } from "@/lib/approvals/queries";
import { shellSent } from "@/lib/streaming";
import { CardSkeleton } from "./card-skeleton";
import { MenusProvider } from "./menus";
import { PageArrival } from "./page-arrival";
import { RequestCard } from "./request-card";

/**
 * Cards rendered into the page's first flush; the others stream in right after it. Three cover a phone's or a
 * desktop's first screen. Rendering every card first held the first byte back (B5); streaming all of them behind
 * skeletons would hold the first screen back instead: React reveals a streamed boundary no sooner than 300 ms after
 * the shell's first paint.
 */
export const SHELL_CARDS = 3;

const EMPTY =
  "rounded-2xl bg-white p-6 text-center text-stone-600 ring-1 ring-stone-200 dark:bg-stone-900 dark:text-stone-400 dark:ring-stone-800";

/** One page of the waiting requests, oldest first, with where it stands among them and links to the others. */
export function PendingList({ page, headingId }: { page: PendingPage; headingId: string }) {
  const arrival = <PageArrival href={inboxHref(page.cursor)} headingId={headingId} />;
  if (page.items.length === 0) {
    return (
      <>
        {arrival}
        <p className={EMPTY}>Nothing to decide right now. New requests appear here by themselves.</p>
      </>
    );
  }
  const paged = page.previous !== null || page.next !== null;
  return (
    <div className="space-y-4">
      {arrival}
      {paged ? (
        <p className="text-stone-600 text-sm dark:text-stone-400">
          Showing {page.start}–{page.start + page.items.length - 1} of {page.total}, longest waiting first.
        </p>
      ) : null}
      <MenusProvider menus={page.menus}>
        <ul className="space-y-4">
          {page.items.map((item, i) => (
            <li key={item.id}>
              <CardSlot item={item} streamed={i >= SHELL_CARDS} />
            </li>
          ))}
        </ul>
      </MenusProvider>
      <PageLinks
        label="Pages of waiting requests"
        previous={page.previous ? { href: inboxHref(page.previous), text: "Earlier requests" } : null}
        next={page.next ? { href: inboxHref(page.next), text: "Later requests" } : null}
      />
    </div>
  );
}

/** The latest decisions, on every page of the inbox; `inShell` of them go out with the first flush. */
export function DecidedList({ items, inShell }: { items: InboxItem[]; inShell: number }) {
  if (items.length === 0) return <p className="text-stone-600 dark:text-stone-400">No decisions yet.</p>;
  return (
    <ul className="space-y-3">
      {items.map((item, i) => (
        <li key={item.id}>
          <CardSlot item={item} streamed={i >= inShell} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Every card sits in a boundary of its own, whether it is rendered into the first flush or streamed after it, so a
 * card keeps its place in the tree (and a half-made edit its state) when a refresh moves it up the list.
 */
function CardSlot({ item, streamed }: { item: InboxItem; streamed: boolean }) {
  return (
    <Suspense fallback={<CardSkeleton decided={item.status !== "PENDING"} />}>
      {streamed ? <StreamedCard item={item} /> : <RequestCard item={item} />}
    </Suspense>
  );
}

async function StreamedCard({ item }: { item: InboxItem }) {
  await shellSent();
  return <RequestCard item={item} />;
}
