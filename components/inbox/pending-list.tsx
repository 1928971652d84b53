import { PageLinks } from "@/components/ui/page-links";
import { inboxHref, type PendingCursor } from "@/lib/approvals/pending-pages";
import { getDecidedRequests, getPendingPage } from "@/lib/approvals/queries";
import { shellSent } from "@/lib/streaming";
import { MenusProvider } from "./menus";
import { PageArrival } from "./page-arrival";
import { RequestCard } from "./request-card";

const EMPTY =
  "rounded-2xl bg-white p-6 text-center text-stone-600 ring-1 ring-stone-200 dark:bg-stone-900 dark:text-stone-400 dark:ring-stone-800";

/** One page of the waiting requests, oldest first, with where it stands among them and links to the others. */
export async function PendingList({
  familyId,
  cursor,
  headingId,
}: {
  familyId: string;
  cursor: PendingCursor;
  headingId: string;
}) {
  await shellSent();
  const page = await getPendingPage({ familyId, cursor });
  const href = inboxHref(page.cursor);
  if (page.items.length === 0) {
    return (
      <>
        <PageArrival href={href} headingId={headingId} />
        <p className={EMPTY}>Nothing to decide right now. New requests appear here by themselves.</p>
      </>
    );
  }
  const paged = page.previous !== null || page.next !== null;
  return (
    <div className="space-y-4">
      <PageArrival href={href} headingId={headingId} />
      {paged ? (
        <p className="text-stone-600 text-sm dark:text-stone-400">
          Showing {page.start}–{page.start + page.items.length - 1} of {page.total}, longest waiting first.
        </p>
      ) : null}
      <MenusProvider menus={page.menus}>
        <ul className="space-y-4">
          {page.items.map((item) => (
            <li key={item.id}>
              <RequestCard item={item} />
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

/** The latest decisions, on every page of the inbox. */
export async function DecidedList({ familyId }: { familyId: string }) {
  await shellSent();
  const decided = await getDecidedRequests({ familyId });
  if (decided.length === 0) return <p className="text-stone-600 dark:text-stone-400">No decisions yet.</p>;
  return (
    <ul className="space-y-3">
      {decided.map((item) => (
        <li key={item.id}>
          <RequestCard item={item} />
        </li>
      ))}
    </ul>
  );
}
