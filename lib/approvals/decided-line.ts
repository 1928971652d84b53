// "Decided by Jane at 18:04": who closed a request and when, on the family's clock. Pure, so the server pages and
// the live inbox in the browser say it the same way.
import { tz } from "@date-fns/tz";
import { format } from "date-fns";

const VERBS: Record<string, string> = {
  APPROVED: "Approved",
  DENIED: "Denied",
  ANSWERED: "Answered",
  CANCELLED: "Cancelled",
};

/** "18:04" in the family's time zone (today), or "25 Nov 18:04" for another day there. */
export function familyClock(date: Date, timeZone: string, now: Date = new Date()): string {
  const zone = { in: tz(timeZone) };
  const sameDay = format(date, "yyyy-MM-dd", zone) === format(now, "yyyy-MM-dd", zone);
  return format(date, sameDay ? "HH:mm" : "d MMM HH:mm", zone);
}

export type Closure = { status: string; decidedByName: string | null; decidedAt: Date | string | null };

/** One sentence for a request that is no longer waiting. Expired is its own word, never "denied". */
export function decidedLine(closure: Closure, timeZone: string, now: Date = new Date()): string {
  const at = closure.decidedAt ? ` at ${familyClock(new Date(closure.decidedAt), timeZone, now)}` : "";
  if (closure.status === "EXPIRED") return `Expired${at}: nobody answered in time, so nothing happened.`;
  if (closure.status === "CANCELLED") return `Cancelled${at}: nothing was ordered.`;
  const who = closure.decidedByName ?? "a parent";
  const verb = VERBS[closure.status]?.toLowerCase() ?? closure.status.toLowerCase();
  return `Decided by ${who}${at}: ${verb}.`;
}
