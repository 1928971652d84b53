"use client";

import { createContext, useCallback, useContext, useState } from "react";
import { type Closure, decidedLine, familyClock } from "@/lib/approvals/decided-line";
import { type LiveEvent, useLiveEvents } from "./use-live-events";

type Resolutions = { resolved: ReadonlyMap<string, Closure>; timeZone: string };

const ResolutionsContext = createContext<Resolutions | null>(null);

/**
 * Listens to the family's event stream and remembers which requests were closed since the page loaded, and by
 * whom, so every open inbox card or confirm screen can swap its live buttons for "Decided by Jane at 18:04" at
 * once (before, or without, a refresh from the server). Also carries the family's time zone for clock times.
 */
export function ResolutionsProvider({
  eventCursor,
  timeZone,
  onEvent,
  children,
}: {
  eventCursor: number;
  timeZone: string;
  onEvent?: (event: LiveEvent) => void;
  children: React.ReactNode;
}) {
  const [resolved, setResolved] = useState<ReadonlyMap<string, Closure>>(() => new Map());
  const handle = useCallback(
    (event: LiveEvent) => {
      const { requestId, status, decidedByName, decidedAt } = event.data;
      if (event.type === "request.resolved" && typeof requestId === "string" && typeof status === "string") {
        const closure: Closure = {
          status,
          decidedByName: typeof decidedByName === "string" ? decidedByName : null,
          decidedAt: typeof decidedAt === "string" ? decidedAt : null,
        };
        setResolved((previous) => new Map(previous).set(requestId, closure));
      }
      onEvent?.(event);
    },
    [onEvent],
  );
  useLiveEvents(eventCursor, handle);
  return <ResolutionsContext value={{ resolved, timeZone }}>{children}</ResolutionsContext>;
}

/** The buttons of a request, until the request is closed anywhere else: then who closed it, and when. */
export function DecidedElsewhere({ requestId, children }: { requestId: string; children: React.ReactNode }) {
  const context = useContext(ResolutionsContext);
  const closure = context?.resolved.get(requestId);
  if (!context || !closure) return children;
  return (
    <p
      role="status"
      className="mt-4 rounded-xl bg-stone-100 p-3 font-semibold text-stone-900 dark:bg-stone-800 dark:text-stone-100"
    >
      {decidedLine(closure, context.timeZone)}
    </p>
  );
}

/** A clock time on the family's clock ("18:04"); without a provider, the browser's own. */
export function FamilyTime({ date }: { date: Date }) {
  const timeZone = useContext(ResolutionsContext)?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    // The server and the browser agree on the zone; only a render across midnight could differ.
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {familyClock(date, timeZone)}
    </time>
  );
}
