import { format, formatDistanceToNow } from "date-fns";
import { ItemsTable } from "@/components/chat/tool-cards";
import { DecidedElsewhere, FamilyTime } from "@/components/live/resolutions";
import { StatusBadge } from "@/components/ui/status-badge";
import type { BudgetStanding, InboxItem } from "@/lib/approvals/queries";
import { SCOPE_SUMMARY } from "@/lib/approvals/scope";
import type { RequestStatus } from "@/lib/chat/types";
import { formatCents } from "@/lib/money";
import { AnswerForm } from "./answer-form";
import { DecisionForm } from "./decision-form";
import { NotificationLog } from "./notification-log";

function When({ date, prefix }: { date: Date; prefix?: string }) {
  return (
    <time dateTime={date.toISOString()} title={format(date, "PPpp")}>
      {prefix}
      {formatDistanceToNow(date, { addSuffix: true })}
    </time>
  );
}

function titleOf(item: InboxItem): string {
  if (item.kind === "ORDER") return `${item.childName} wants to order from ${item.restaurantName}`;
  if (item.kind === "QUESTION") return `${item.childName} asks a question`;
  return `${item.childName} asks to use ${item.restaurantName}`;
}

export function RequestCard({ item }: { item: InboxItem }) {
  const pending = item.status === "PENDING";
  const title = titleOf(item);
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
          <NotificationLog lines={item.notifications} />
        </div>
        <StatusBadge status={item.status as RequestStatus["status"]} />
      </header>

      {pending ? <PendingBody item={item} /> : <DecidedBody item={item} />}
    </article>
  );
}

function PendingBody({ item }: { item: InboxItem }) {
  if (item.kind === "QUESTION") {
    return (
      <>
        <RequestDetails item={item} />
        <DecidedElsewhere requestId={item.id}>
          <AnswerForm requestId={item.id} childName={item.childName} expiresAt={item.expiresAt} />
        </DecidedElsewhere>
      </>
    );
  }
  return (
    <>
      {/* A pending order's lines are shown by the editor inside the form. */}
      <RequestDetails item={item} showItems={false} />
      <DecidedElsewhere requestId={item.id}>
        <DecisionForm
          requestId={item.id}
          kind={item.kind}
          childName={item.childName}
          expiresAt={item.expiresAt}
          items={item.items}
          totalCents={item.totalCents}
          restaurantId={item.restaurantId}
          scopes={item.scopes}
        />
      </DecidedElsewhere>
    </>
  );
}

function DecidedBody({ item }: { item: InboxItem }) {
  return (
    <>
      <DecisionSummary item={item} />
      {item.edit ? (
        <div className="mt-3">
          <h4 className="font-semibold text-sm">What was ordered</h4>
          <ItemsTable items={item.edit.items} totalCents={item.edit.totalCents} />
        </div>
      ) : null}
      {/* Decided cards stay short; what was asked and why is one tap away. */}
      <details className="mt-2 text-sm">
        <summary className="min-h-11 cursor-pointer py-3 font-semibold text-stone-700 dark:text-stone-300">
          What was asked, and why
        </summary>
        {item.edit ? <h4 className="font-semibold text-sm">{item.childName}&apos;s proposal</h4> : null}
        <RequestDetails item={item} />
      </details>
    </>
  );
}

export function RequestDetails({ item, showItems = true }: { item: InboxItem; showItems?: boolean }) {
  return (
    <>
      {item.kind === "ORDER" && showItems ? <ItemsTable items={item.items} totalCents={item.totalCents} /> : null}
      {item.question ? (
        <figure className="mt-1">
          <figcaption className="font-semibold text-sm text-stone-600 dark:text-stone-400">
            The question, as Lunchbox put it for {item.childName}:
          </figcaption>
          <blockquote className="mt-1 break-words border-brand-500 border-l-4 pl-3 text-lg text-stone-900 dark:text-stone-100">
            “{item.question}”
          </blockquote>
        </figure>
      ) : null}
      <div className="mt-3 rounded-xl bg-amber-50 p-3 dark:bg-amber-950/40">
        <h4 className="font-semibold text-amber-900 text-sm dark:text-amber-200">Why a parent is needed</h4>
        <ul className="mt-1 list-disc pl-5 text-sm">
          {item.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        {item.standing ? <BudgetLine childName={item.childName} standing={item.standing} /> : null}
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

const DECIDED_WORDS: Record<string, string> = {
  APPROVED: "Approved",
  DENIED: "Denied",
  ANSWERED: "Answered",
  CANCELLED: "Cancelled",
};

function DecisionSummary({ item }: { item: InboxItem }) {
  const total = item.edit?.totalCents ?? item.totalCents;
  const scope = item.scope && (item.scope !== "ONCE" || item.kind === "RESTAURANT_ACCESS") ? item.scope : null;
  return (
    <div className="space-y-1 text-sm text-stone-700 dark:text-stone-300">
      <p>
        {item.status === "EXPIRED"
          ? "Nobody answered in time."
          : `${DECIDED_WORDS[item.status] ?? "Closed"}${item.decidedByName ? ` by ${item.decidedByName}` : ""}`}
        {item.decidedAt && item.status !== "EXPIRED" ? (
          <>
            {" at "}
            <FamilyTime date={item.decidedAt} />
          </>
        ) : null}
        {item.kind === "ORDER" ? ` · ${formatCents(total)}` : null}
        {scope ? ` · ${SCOPE_SUMMARY[scope]}` : null}
      </p>
      {item.edit ? <p className="font-medium">Approved with changes: {item.edit.changes.join("; ")}.</p> : null}
      {item.note ? (
        <p className="italic">
          {item.kind === "QUESTION" && item.status === "ANSWERED" ? "Reply" : "Note"}: “{item.note}”
        </p>
      ) : null}
    </div>
  );
}

/** Where the child stands now, beside the reasons judged when the request was made. */
function BudgetLine({ childName, standing }: { childName: string; standing: BudgetStanding }) {
  const parts = [
    standing.dailyCents === null
      ? null
      : `${formatCents(standing.spentTodayCents)} of ${formatCents(standing.dailyCents)} today`,
    standing.weeklyCents === null
      ? null
      : `${formatCents(standing.spentWeekCents)} of ${formatCents(standing.weeklyCents)} this week`,
  ].filter(Boolean);
  return (
    <p className="mt-2 text-sm">
      Right now {childName} has spent {parts.join(" and ")}.
    </p>
  );
}
