import Link from "next/link";
import { actionLabel } from "@/lib/activity/describe";
import { describeWhen } from "@/lib/activity/time";
import type { ChainReport } from "@/lib/audit/verify";

/** The verifier's verdict: a quiet status when the chain holds, an alert naming the first broken event when not. */
export async function ChainStatus({ report: pending, timeZone }: { report: Promise<ChainReport>; timeZone: string }) {
  const report = await pending;
  if (report.intact) {
    return (
      <p
        role="status"
        className="rounded-xl bg-green-50 px-4 py-3 text-green-900 ring-1 ring-green-200 dark:bg-green-950 dark:text-green-100 dark:ring-green-900"
      >
        <span aria-hidden>✓ </span>
        Trail intact: {report.rows.toLocaleString("en-US")} {report.rows === 1 ? "event" : "events"} checked.
      </p>
    );
  }
  const when = describeWhen(report.brokenAt, timeZone);
  return (
    <div
      role="alert"
      className="space-y-1 rounded-xl bg-red-50 px-4 py-3 text-red-900 ring-1 ring-red-300 dark:bg-red-950 dark:text-red-100 dark:ring-red-800"
    >
      <p className="font-semibold">
        <span aria-hidden>⚠ </span>
        The trail is broken at event #{report.brokenSeq} ({actionLabel(report.brokenAction)}, {when.absolute}): it was
        changed or removed after it was written. Events after it cannot be trusted.
      </p>
      <p>
        <Link href={`/activity?before=${report.brokenSeq + 1}#event-${report.brokenSeq}`} className="underline">
          Show event #{report.brokenSeq}
        </Link>
      </p>
    </div>
  );
}
