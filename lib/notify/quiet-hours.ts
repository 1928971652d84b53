// A parent's quiet hours on the family's local clock: when a non-urgent notification may be sent. Pure.
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { isValidTime, isWithinHours } from "@/lib/policy/clock";

/** Local "HH:MM" times; end is exclusive and may be past midnight (22:00–07:00). */
export type QuietHours = { start: string; end: string };

/** The parent's stored quiet hours, or null when unset, malformed or empty (equal start and end). */
export function quietHoursOf(parent: { quietStart: string | null; quietEnd: string | null }): QuietHours | null {
  const { quietStart: start, quietEnd: end } = parent;
  if (!start || !end || !isValidTime(start) || !isValidTime(end) || start === end) return null;
  return { start, end };
}

/** When `now` is inside the quiet hours, the instant they end (the next local `end`); otherwise null. */
export function quietHoursEnd(now: Date, quiet: QuietHours | null, timeZone: string): Date | null {
  if (!quiet || !isWithinHours(now, quiet, timeZone)) return null;
  const [hours = 0, minutes = 0] = quiet.end.split(":").map(Number);
  const local = new TZDate(now, timeZone);
  // Built from local wall-clock parts, so a DST change between now and the end is accounted for.
  let end = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), hours, minutes, 0, 0, timeZone);
  if (end.getTime() <= now.getTime()) end = addDays(end, 1);
  return new Date(end.getTime());
}

/**
 * When a notification to this parent is due: now, or the end of their quiet hours. Urgent messages, and a
 * request that would expire before the quiet hours end (waiting would make it useless), go now.
 */
export function notificationDueAt(input: {
  now: Date;
  quiet: QuietHours | null;
  timeZone: string;
  expiresAt: Date;
  urgent: boolean;
}): Date {
  if (input.urgent) return input.now;
  const end = quietHoursEnd(input.now, input.quiet, input.timeZone);
  if (!end || end.getTime() >= input.expiresAt.getTime()) return input.now;
  return end;
}
