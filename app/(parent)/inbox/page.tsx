import type { Metadata } from "next";
import { cache } from "react";
import { InboxLive } from "@/components/inbox/inbox-live";
import { DecidedList, PendingList, SHELL_CARDS } from "@/components/inbox/pending-list";
import { type PendingCursor, parsePendingCursor } from "@/lib/approvals/pending-pages";
import { getDecidedRequests, getPendingPage } from "@/lib/approvals/queries";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { getLatestEventId } from "@/lib/events/outbox";
import { requirePageActor } from "@/lib/page-auth";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The event cursor, then a page of waiting requests, once per request (the tab title and the heading show the same
 * count). The cursor is read before any of the data: an event after it refreshes the page, so nothing that changes
 * between the two reads is missed.
 */
const inboxView = cache(async (familyId: string, from?: string) => {
  const eventCursor = await getLatestEventId(familyId);
  const cursor: PendingCursor = from ? { from } : {};
  return { eventCursor, page: await getPendingPage({ familyId, cursor }) };
});

// The count in the tab title tells a parent with the tab in the background that something is waiting.
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parent = await requirePageActor("PARENT");
  const { page } = await inboxView(parent.familyId, parsePendingCursor(await searchParams).from);
  const { total } = page;
  return { title: total > 0 ? `(${total}) Inbox` : "Inbox" };
}

/**
 * The data (a page of 20 waiting requests, the latest decided) takes milliseconds; rendering the cards is what
 * costs, so the first cards go out with the heading and the rest stream in behind it (PendingList).
 */
export default async function InboxPage({ searchParams }: Props) {
  const parent = await requirePageActor("PARENT");
  const { familyId } = parent;
  const { from } = parsePendingCursor(await searchParams);
  const { eventCursor, page } = await inboxView(familyId, from);
  const [decided, rules] = await Promise.all([getDecidedRequests({ familyId }), getFamilyRules({ familyId })]);
  return (
    <InboxLive eventCursor={eventCursor} timeZone={rules.timeZone}>
      <h1 className="sr-only">Inbox</h1>
      <div className="space-y-8">
        <section aria-labelledby="pending-heading">
          {/* Focused when another page of requests comes into view (PageArrival). */}
          <h2 id="pending-heading" tabIndex={-1} className="mb-3 scroll-mt-20 font-bold text-2xl">
            Waiting for you <span className="text-stone-500">({page.total})</span>
          </h2>
          <PendingList page={page} headingId="pending-heading" />
        </section>
        <section aria-labelledby="decided-heading">
          <h2 id="decided-heading" className="mb-3 font-semibold text-xl">
            Decided
          </h2>
          <DecidedList items={decided} inShell={Math.max(0, SHELL_CARDS - page.items.length)} />
        </section>
      </div>
    </InboxLive>
  );
}
