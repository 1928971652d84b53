import { StatusBadge } from "@/components/ui/status-badge";
import type {
  ApprovalOutcomeOutput,
  AskParentOutput,
  GetMenuOutput,
  GetMyStatusOutput,
  LineItem,
  ListRestaurantsOutput,
  PlaceOrderOutput,
  RequestRestaurantAccessOutput,
} from "@/lib/ai/tools/contracts";
import type { RequestStatus } from "@/lib/chat/types";
import { formatCents } from "@/lib/money";

const card = "rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800";

export function RestaurantListCard({ output }: { output: ListRestaurantsOutput }) {
  return (
    <section aria-label="Restaurants" className={card}>
      <h3 className="mb-2 font-semibold">Restaurants</h3>
      <ul className="divide-y divide-stone-100 dark:divide-stone-800">
        {output.restaurants.map((r) => (
          <li key={r.id} className="flex items-center justify-between gap-2 py-2">
            <span>{r.name}</span>
            <span className="text-sm text-stone-600 dark:text-stone-400">
              {r.access === "needs-permission"
                ? "🔒 Ask a parent"
                : r.access === "granted"
                  ? "✓ Allowed for you"
                  : "Open"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MenuCard({ output }: { output: GetMenuOutput }) {
  if (output.status !== "ok") return <p className={card}>{output.message}</p>;
  return (
    <section aria-label={`Menu of ${output.restaurant.name}`} className={card}>
      <h3 className="mb-2 font-semibold">
        {output.restaurant.name}
        {output.restaurant.access === "needs-permission" ? (
          <span className="ml-2 font-normal text-sm">🔒 needs a parent</span>
        ) : null}
      </h3>
      <ul className="divide-y divide-stone-100 dark:divide-stone-800">
        {output.dishes.map((d) => (
          <li key={d.id} className="flex items-center justify-between gap-2 py-2">
            <span>
              {d.name}
              {d.premium ? (
                <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-amber-900 text-xs dark:bg-amber-950 dark:text-amber-200">
                  premium
                </span>
              ) : null}
            </span>
            <span className="tabular-nums">{formatCents(d.priceCents)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ItemsTable({ items, totalCents }: { items: LineItem[]; totalCents: number }) {
  return (
    <div>
      <ul className="space-y-1">
        {items.map((item) => (
          <li key={item.dishId} className="flex justify-between gap-2">
            <span>
              {item.quantity}× {item.name}
            </span>
            <span className="tabular-nums">{formatCents(item.lineTotalCents)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 flex justify-between border-stone-200 border-t pt-2 font-semibold dark:border-stone-700">
        <span>Total</span>
        <span className="tabular-nums">{formatCents(totalCents)}</span>
      </p>
    </div>
  );
}

export function OrderCard({ output, live }: { output: PlaceOrderOutput; live?: RequestStatus }) {
  if (output.status === "refused")
    return <p className={`${card} text-stone-700 dark:text-stone-300`}>{output.message}</p>;
  const status = output.status === "placed" ? "APPROVED" : (live?.status ?? "PENDING");
  return (
    <section aria-label={`Order from ${output.restaurantName}`} className={card}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">{output.restaurantName}</h3>
        {output.status === "placed" ? (
          <span className="inline-flex items-center gap-1 rounded-full bg-green-100 px-2.5 py-1 font-semibold text-green-900 text-sm dark:bg-green-950 dark:text-green-200">
            <span aria-hidden>✓</span>Order placed
          </span>
        ) : (
          <StatusBadge status={status} />
        )}
      </div>
      <ItemsTable items={output.items} totalCents={output.totalCents} />
      {output.status === "pending" && status === "PENDING" ? (
        <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">{output.reasons.join(" ")}</p>
      ) : null}
      {status === "APPROVED" && live?.edited ? (
        <p className="mt-3 font-semibold text-sm text-stone-700 dark:text-stone-300">
          {live.decidedByName ?? "A parent"} changed this order before approving it: see what was placed below.
        </p>
      ) : null}
    </section>
  );
}

export function AccessCard({ output, live }: { output: RequestRestaurantAccessOutput; live?: RequestStatus }) {
  if (output.status === "refused") return <p className={card}>{output.message}</p>;
  if (output.status === "already-allowed") return <p className={card}>✓ You can order from {output.restaurantName}.</p>;
  return (
    <section aria-label={`Permission for ${output.restaurantName}`} className={card}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">Ask to use {output.restaurantName}</h3>
        <StatusBadge status={live?.status ?? "PENDING"} />
      </div>
    </section>
  );
}

export function QuestionCard({ output, live }: { output: AskParentOutput; live?: RequestStatus }) {
  if (output.status === "refused") return <p className={card}>{output.message}</p>;
  return (
    <section aria-label="Question for your parents" className={card}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">Question for your parents</h3>
        <StatusBadge status={live?.status ?? "PENDING"} />
      </div>
      <blockquote className="border-stone-300 border-l-4 pl-3 text-stone-700 dark:border-stone-600 dark:text-stone-300">
        “{output.question}”
      </blockquote>
    </section>
  );
}

export function StatusCard({ output }: { output: GetMyStatusOutput }) {
  return (
    <section aria-label="Your status" className={card}>
      <h3 className="mb-2 font-semibold">Your status</h3>
      <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1">
        <dt>Waiting for a parent</dt>
        <dd className="text-right tabular-nums">{output.pending.length}</dd>
        <dt>Ordered today</dt>
        <dd className="text-right tabular-nums">
          {output.orderedToday.length} ({formatCents(output.spentTodayCents)})
        </dd>
        {output.remainingTodayCents === null ? null : (
          <>
            <dt>Left to spend today</dt>
            <dd className="text-right font-semibold tabular-nums">{formatCents(output.remainingTodayCents)}</dd>
          </>
        )}
      </dl>
      {output.pending.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-stone-700 dark:text-stone-300">
          {output.pending.map((p) => (
            <li key={p.requestId} className="first-letter:uppercase">
              {p.summary}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

const SCOPE_WORDS: Record<NonNullable<ApprovalOutcomeOutput["scope"]>, string> = {
  ONCE: "Just this once",
  ALWAYS_RESTAURANT: "Always allowed: this restaurant",
  ALWAYS_DISH: "Always allowed: this dish",
};

function outcomeTitle(output: ApprovalOutcomeOutput, who: string): string {
  if (output.status === "EXPIRED") return "No answer in time";
  if (output.status === "CANCELLED") return "Cancelled";
  if (output.changes?.length) return `${who} changed your order`;
  return `${who} answered`;
}

export function OutcomeCard({ output }: { output: ApprovalOutcomeOutput }) {
  const who = output.decidedByName ?? "A parent";
  return (
    <section aria-label="A parent answered" className={card}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">{outcomeTitle(output, who)}</h3>
        <StatusBadge status={output.status} />
      </div>
      {output.question ? (
        <p className="mb-2 text-sm text-stone-600 dark:text-stone-400">You asked: “{output.question}”</p>
      ) : null}
      {output.note ? (
        <blockquote className="border-brand-500 border-l-4 pl-3 text-stone-700 italic dark:text-stone-300">
          “{output.note}”
        </blockquote>
      ) : null}
      {output.changes?.length ? (
        <ul aria-label="Changes" className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {output.changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      ) : null}
      {output.order ? (
        <div className="mt-2">
          <ItemsTable items={output.order.items} totalCents={output.order.totalCents} />
        </div>
      ) : null}
      {output.status === "APPROVED" && output.scope && output.scope !== "ONCE" ? (
        <p className="mt-2 font-semibold text-green-800 text-sm dark:text-green-300">{SCOPE_WORDS[output.scope]}</p>
      ) : null}
    </section>
  );
}

export function ToolPending({ label }: { label: string }) {
  return (
    <div className={`${card} animate-pulse text-stone-500`} aria-busy="true">
      {label}
    </div>
  );
}
