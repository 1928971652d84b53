import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ActivityFilters } from "@/components/activity/activity-filters";
import { ActivityTable } from "@/components/activity/activity-table";
import { ChainStatus } from "@/components/activity/chain-status";
import { Pagination } from "@/components/activity/pagination";
import { activityHref, isFiltered, parseActivityParams } from "@/lib/activity/filters";
import { getActivityPage, getFamilyMembers } from "@/lib/activity/queries";
import { verifyAuditChain } from "@/lib/audit/verify";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { requirePageActor } from "@/lib/page-auth";

export const metadata: Metadata = { title: "Activity" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActivityPage({ searchParams }: Props) {
  const parent = await requirePageActor("PARENT");
  const familyId = parent.familyId;
  const members = await getFamilyMembers({ familyId });
  const childList = members.filter((m) => m.role === "CHILD");
  const { filter, cursor, notices } = parseActivityParams(await searchParams, new Set(childList.map((c) => c.id)));
  const names = new Map(members.map((m) => [m.id, m.name]));
  const [page, rules] = await Promise.all([
    getActivityPage({ familyId, filter, cursor, names }),
    getFamilyRules({ familyId }),
  ]);
  // The verifier reads the whole chain (about 1 s per 100k rows): started after the page's own queries and streamed
  // in, so the list shows at once and the verdict (and the mark on a broken row) follows.
  const report = verifyAuditChain({ familyId });

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="font-bold text-2xl">Activity</h1>
        <a
          href={activityHref(filter, {}, "/activity/export")}
          download
          className="inline-flex min-h-11 items-center rounded-xl px-4 font-semibold ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800"
        >
          Download CSV
        </a>
      </div>
      <Suspense
        fallback={
          <p
            role="status"
            className="rounded-xl px-4 py-3 text-stone-600 ring-1 ring-stone-200 dark:text-stone-400 dark:ring-stone-800"
          >
            Checking the trail…
          </p>
        }
      >
        <ChainStatus report={report} timeZone={rules.timeZone} />
      </Suspense>
      <ActivityFilters filter={filter} childList={childList} />
      {notices.length > 0 ? (
        <ul className="space-y-1 rounded-xl bg-amber-50 px-4 py-3 text-amber-900 text-sm ring-1 ring-amber-200 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-900">
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      ) : null}
      <section aria-labelledby="events-heading" className="space-y-4">
        <h2 id="events-heading" className="sr-only">
          Events
        </h2>
        {page.rows.length === 0 ? (
          <EmptyState filtered={isFiltered(filter)} paged={cursor.before !== undefined || cursor.after !== undefined} />
        ) : (
          <ActivityTable rows={page.rows} timeZone={rules.timeZone} report={report} />
        )}
        <Pagination filter={filter} newer={page.newer} older={page.older} />
      </section>
    </div>
  );
}

function EmptyState({ filtered, paged }: { filtered: boolean; paged: boolean }) {
  return (
    <div className="space-y-2 rounded-2xl bg-white p-6 text-center text-stone-600 ring-1 ring-stone-200 dark:bg-stone-900 dark:text-stone-400 dark:ring-stone-800">
      <p>
        {filtered
          ? "Nothing matches these filters."
          : paged
            ? "No events on this page."
            : "Nothing has happened yet. Requests, decisions and orders will show up here."}
      </p>
      {filtered || paged ? (
        <Link href="/activity" className="inline-flex min-h-11 items-center font-semibold underline">
          Show all events
        </Link>
      ) : null}
    </div>
  );
}
