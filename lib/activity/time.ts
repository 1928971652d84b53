// When an event happened, in the family's own time zone and relative to now. Pure.
import { tz } from "@date-fns/tz";
import { format, formatDistanceStrict } from "date-fns";

export type When = { iso: string; absolute: string; relative: string };

export function describeWhen(date: Date, timeZone: string, now: Date = new Date()): When {
  const zone = { in: tz(timeZone) };
  const sameYear = format(date, "yyyy", zone) === format(now, "yyyy", zone);
  const seconds = (now.getTime() - date.getTime()) / 1000;
  return {
    iso: date.toISOString(),
    absolute: format(date, sameYear ? "d MMM HH:mm" : "d MMM yyyy HH:mm", zone),
    relative: seconds < 60 ? "just now" : formatDistanceStrict(date, now, { addSuffix: true }),
  };
}
