// The family's local clock: which day and week "today" is, and whether ordering hours are open. Pure.
import { TZDate } from "@date-fns/tz";
import { startOfDay, startOfWeek } from "date-fns";
import type { OrderingHours } from "./types";

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidTime(value: string): boolean {
  return HH_MM.test(value);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

function minutesOf(hhmm: string): number {
  const [hours = 0, minutes = 0] = hhmm.split(":").map(Number);
  return hours * 60 + minutes;
}

/** Start of the family's local day and week (weeks start on Monday), as instants. */
export function spendingWindows(now: Date, timeZone: string): { dayStart: Date; weekStart: Date } {
  const local = new TZDate(now, timeZone);
  return {
    dayStart: new Date(startOfDay(local).getTime()),
    weekStart: new Date(startOfWeek(local, { weekStartsOn: 1 }).getTime()),
  };
}

/** Whether `now` falls inside the hours, read on the family's local clock. Equal start and end mean all day. */
export function isWithinHours(now: Date, hours: OrderingHours, timeZone: string): boolean {
  const local = new TZDate(now, timeZone);
  const minute = local.getHours() * 60 + local.getMinutes();
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (start === end) return true;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}
