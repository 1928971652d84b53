import type { Metadata } from "next";
import { InboxLive } from "@/components/inbox/inbox-live";
import { RequestCard } from "@/components/inbox/request-card";
import { countPendingForFamily, getInbox } from "@/lib/approvals/queries";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { getLatestEventId } from "@/lib/events/outbox";
import { requirePageActor } from "@/lib/page-auth";

// The count in the tab title tells a parent with the tab in the background that something is waiting.
export async function generateMetadata(): Promise<Metadata> {
  const parent = await requirePageActor("PARENT");
  const pending = await countPendingForFamily({ familyId: parent.familyId });
  return { title: pending > 0 ? `(${pending}) Inbox` : "Inbox" };
}

export default async function InboxPage() {
  const parent = await requirePageActor("PARENT");
  const [{ pending, decided }, eventCursor, rules] = await Promise.all([
    getInbox({ familyId: parent.familyId }),
    getLatestEventId(parent.familyId),
    getFamilyRules({ familyId: parent.familyId }),
  ]);
  return (
    <InboxLive eventCursor={eventCursor} timeZone={rules.timeZone}>
      <div className="space-y-8">
        <section aria-labelledby="pending-heading">
          <h1 id="pending-heading" className="mb-3 font-bold text-2xl">
            Waiting for you <span className="text-stone-500">({pending.length})</span>
          </h1>
          {pending.length === 0 ? (
            <p className="rounded-2xl bg-white p-6 text-center text-stone-600 ring-1 ring-stone-200 dark:bg-stone-900 dark:text-stone-400 dark:ring-stone-800">
              Nothing to decide right now. New requests appear here by themselves.
            </p>
          ) : (
            <ul className="space-y-4">
              {pending.map((item) => (
                <li key={item.id}>
                  <RequestCard item={item} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="decided-heading">
          <h2 id="decided-heading" className="mb-3 font-semibold text-xl">
            Decided
          </h2>
          {decided.length === 0 ? (
            <p className="text-stone-600 dark:text-stone-400">No decisions yet.</p>
          ) : (
            <ul className="space-y-3">
              {decided.map((item) => (
                <li key={item.id}>
                  <RequestCard item={item} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </InboxLive>
  );
}
