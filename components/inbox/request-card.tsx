import { format, formatDistanceToNow } from "date-fns";
import { ItemsTable } from "@/components/chat/tool-cards";
import { StatusBadge } from "@/components/ui/status-badge";
import type { InboxItem } from "@/lib/approvals/queries";
import type { RequestStatus } from "@/lib/chat/types";
import { formatCents } from "@/lib/money";
import { DecisionForm } from "./decision-form";

function When({ date, prefix }: { date: Date; prefix?: string }) {
  return (
    <time dateTime={date.toISOString()} title={format(date, "PPpp")}>
      {prefix}
      {formatDistanceToNow(date, { addSuffix: true })}
    </time>
  );
}

export function RequestCard({ item }: { item: InboxItem }) {
  const pending = item.status === "PENDING";
  const title =
    item.kind === "ORDER"
      ? `${item.childName} wants to order from ${item.restaurantName}`
      : `${item.childName} asks to use ${item.restaurantName}`;
  return (
    <article
      aria-label={title}
      className={`rounded-2xl bg-white p-4 shadow-sm ring-1 dark:bg-stone-900 ${pending ? "ring-amber-300 dark:ring-amber-800" : "ring-stone-200 dark:ring-stone-800"}`}
    >
      <header className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold text-lg leading-snug">{title}</h3>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            <When date={item.createdAt} />
          </p>
        </div>
        <StatusBadge status={item.status as RequestStatus["status"]} />
      </header>

      {pending ? (
        <>
          <RequestDetails item={item} />
          <DecisionForm requestId={item.id} kind={item.kind} childName={item.childName} expiresAt={item.expiresAt} />
        </>
      ) : (
        <>
          <DecisionSummary item={item} />
          {/* Decided cards stay short; what was asked and why is one tap away. */}
          <details className="mt-2 text-sm">
            <summary className="min-h-11 cursor-pointer py-3 font-semibold text-stone-700 dark:text-stone-300">
              What was asked, and why
            </summary>
            <RequestDetails item={item} />
          </details>
        </>
      )}
    </article>
  );
}

function RequestDetails({ item }: { item: InboxItem }) {
  return (
    <>
      {item.kind === "ORDER" ? <ItemsTable items={item.items} totalCents={item.totalCents} /> : null}
      <div className="mt-3 rounded-xl bg-amber-50 p-3 dark:bg-amber-950/40">
        <h4 className="font-semibold text-amber-900 text-sm dark:text-amber-200">Why a parent is needed</h4>
        <ul className="mt-1 list-disc pl-5 text-sm">
          {item.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </div>
      {item.childWords ? (
        <figure className="mt-3">
          <figcaption className="font-semibold text-sm text-stone-600 dark:text-stone-400">
            {item.childName} wrote (their own words):
          </figcaption>
          <blockquote className="mt-1 break-words border-stone-300 border-l-4 pl-3 text-stone-700 italic dark:border-stone-600 dark:text-stone-300">
            “{item.childWords}”
          </blockquote>
        </figure>
      ) : null}
    </>
  );
}

const DECIDED_WORDS: Record<string, string> = { APPROVED: "Approved", DENIED: "Denied", CANCELLED: "Cancelled" };

function DecisionSummary({ item }: { item: InboxItem }) {
  return (
    <p className="text-sm text-stone-700 dark:text-stone-300">
      {item.status === "EXPIRED"
        ? "Nobody answered in time."
        : `${DECIDED_WORDS[item.status] ?? "Closed"}${item.decidedByName ? ` by ${item.decidedByName}` : ""}`}
      {item.decidedAt ? (
        <>
          {" · "}
          <When date={item.decidedAt} />
        </>
      ) : null}
      {item.kind === "ORDER" ? ` · ${formatCents(item.totalCents)}` : null}
      {item.scope ? ` · ${item.scope === "ALWAYS_RESTAURANT" ? "always allowed" : "allowed once"}` : null}
      {item.note ? <span className="block italic">Note: “{item.note}”</span> : null}
    </p>
  );
}
