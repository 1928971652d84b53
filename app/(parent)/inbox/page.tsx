import type { Metadata } from "next";
import { cache, Suspense } from "react";
import { CardSkeletons, PendingSkeleton } from "@/components/inbox/card-skeletons";
import { InboxLive } from "@/components/inbox/inbox-live";
import { DecidedList, PendingList } from "@/components/inbox/pending-list";
import { PENDING_PAGE_SIZE, parsePendingCursor } from "@/lib/approvals/pending-pages";
import { countPendingForFamily } from "@/lib/approvals/queries";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { getLatestEventId } from "@/lib/events/outbox";
import { requirePageActor } from "@/lib/page-auth";

// The heading and the tab title show the same count: one query per request.
const pendingTotal = cache((familyId: string) => countPendingForFamily({ familyId }));

// The count in the tab title tells a parent with the tab in the background that something is waiting.
export async function generateMetadata(): Promise<Metadata> {
  const parent = await requirePageActor("PARENT");
  const pending = await pendingTotal(parent.familyId);
  return { title: pending > 0 ? `(${pending}) Inbox` : "Inbox" };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The shell (heading with the count, skeletons) goes out first; one page of waiting cards and the latest decided
 * stream in behind it. The event cursor is read before any of the data: an event after it refreshes the page, so
 * nothing that changes between the two reads is missed.
 */
export default async function InboxPage({ searchParams }: Props) {
  const parent = await requirePageActor("PARENT");
  const { familyId } = parent;
  const cursor = parsePendingCursor(await searchParams);
  const eventCursor = await getLatestEventId(familyId);
  const [total, rules] = await Promise.all([pendingTotal(familyId), getFamilyRules({ familyId })]);
  return (
    <InboxLive eventCursor={eventCursor} timeZone={rules.timeZone}>
      <div className="space-y-8">
        <section aria-labelledby="pending-heading">
          {/* Focused when another page of requests comes into view (PageArrival). */}
          <h1 id="pending-heading" tabIndex={-1} className="mb-3 scroll-mt-20 font-bold text-2xl">
            Waiting for you <span className="text-stone-500">({total})</span>
          </h1>
          <Suspense
            fallback={<PendingSkeleton count={Math.min(total, PENDING_PAGE_SIZE)} paged={total > PENDING_PAGE_SIZE} />}
          >
            <PendingList familyId={familyId} cursor={cursor} headingId="pending-heading" />
          </Suspense>
        </section>
        <section aria-labelledby="decided-heading">
          <h2 id="decided-heading" className="mb-3 font-semibold text-xl">
            Decided
          </h2>
          <Suspense fallback={<CardSkeletons count={3} decided />}>
            <DecidedList familyId={familyId} />
          </Suspense>
        </section>
      </div>
    </InboxLive>
  );
}
