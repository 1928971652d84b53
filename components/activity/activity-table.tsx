import { Suspense } from "react";
import type { ActivityRow } from "@/lib/activity/queries";
import { describeWhen } from "@/lib/activity/time";
import type { ChainReport } from "@/lib/audit/verify";

/**
 * The trail as a two-column table (when, what happened + why): it reads at 390 px as well as on a desktop, with
 * real header cells for screen readers. The first broken row, if on this page, is marked in words and colour once
 * the verifier's report (streamed) arrives.
 */
export function ActivityTable({
  rows,
  timeZone,
  report,
}: {
  rows: ActivityRow[];
  timeZone: string;
  report: Promise<ChainReport>;
}) {
  const now = new Date();
  return (
    <div className="overflow-hidden rounded-2xl bg-white ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
      <table className="w-full table-fixed border-collapse text-left">
        <caption className="sr-only">Family activity, newest first</caption>
        <thead className="bg-stone-50 text-stone-700 text-sm dark:bg-stone-950 dark:text-stone-300">
          <tr>
            <th scope="col" className="w-28 px-3 py-2 font-semibold sm:w-40">
              When
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              What happened
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const when = describeWhen(row.createdAt, timeZone, now);
            const { who, sentence, why } = row.description;
            return (
              <tr
                key={row.id}
                id={`event-${row.seq}`}
                className="border-stone-200 border-t align-top dark:border-stone-800"
              >
                <td className="px-3 py-3 text-sm">
                  <time dateTime={when.iso} className="block font-medium">
                    {when.absolute}
                  </time>
                  <span className="block text-stone-600 dark:text-stone-400">{when.relative}</span>
                  <span className="block text-stone-500 text-xs dark:text-stone-400">#{row.seq}</span>
                </td>
                <td className="break-words px-3 py-3">
                  <Suspense fallback={null}>
                    <BrokenMark seq={row.seq} report={report} />
                  </Suspense>
                  <p>
                    <strong className="font-semibold">{who}</strong>
                    {sentence.slice(who.length)}
                  </p>
                  {why.length > 0 ? (
                    <div className="mt-1 text-sm text-stone-700 dark:text-stone-300">
                      <span className="font-medium">Why: </span>
                      {why.length === 1 ? (
                        <span>{why[0]}</span>
                      ) : (
                        <ul className="list-disc pl-5">
                          {why.map((reason) => (
                            <li key={reason}>{reason}</li>
                          ))}
                        </ul>
                      )}
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

async function BrokenMark({ seq, report }: { seq: number; report: Promise<ChainReport> }) {
  const verdict = await report;
  if (verdict.intact || verdict.brokenSeq !== seq) return null;
  return (
    <p className="mb-2 rounded-lg bg-red-100 px-2 py-1 font-semibold text-red-900 text-sm ring-1 ring-red-300 dark:bg-red-950 dark:text-red-100 dark:ring-red-800">
      <span aria-hidden>⚠ </span>Broken here: this event was changed or removed after it was written.
    </p>
  );
}
