import { describe, expect, it } from "vitest";
import { notificationDueAt, quietHoursEnd, quietHoursOf } from "./quiet-hours";

const night = { start: "22:00", end: "07:00" };
const afternoon = { start: "13:00", end: "15:30" };
const at = (iso: string) => new Date(iso);

describe("quiet hours", () => {
  it.each([
    ["inside, before midnight", night, "2026-06-10T23:15:00Z", "UTC", "2026-06-11T07:00:00.000Z"],
    ["inside, after midnight", night, "2026-06-11T03:00:00Z", "UTC", "2026-06-11T07:00:00.000Z"],
    ["at the start (inclusive)", night, "2026-06-10T22:00:00Z", "UTC", "2026-06-11T07:00:00.000Z"],
    ["at the end (exclusive)", night, "2026-06-11T07:00:00Z", "UTC", null],
    ["outside", night, "2026-06-11T12:00:00Z", "UTC", null],
    ["a daytime window", afternoon, "2026-06-11T14:00:00Z", "UTC", "2026-06-11T15:30:00.000Z"],
    // 23:30 in New York (EDT, UTC−4) is 03:30 UTC the next day; 07:00 EDT is 11:00 UTC.
    ["the family's time zone", night, "2026-06-11T03:30:00Z", "America/New_York", "2026-06-11T11:00:00.000Z"],
    // Europe/London springs forward on 2026-03-29 at 01:00 GMT: 22:00 GMT the night before, 07:00 BST (06:00 UTC).
    ["across the spring DST change", night, "2026-03-28T23:30:00Z", "Europe/London", "2026-03-29T06:00:00.000Z"],
    // And falls back on 2026-10-25 at 01:00 UTC: 07:00 GMT is 07:00 UTC, a 10-hour night.
    ["across the autumn DST change", night, "2026-10-24T21:30:00Z", "Europe/London", "2026-10-25T07:00:00.000Z"],
  ])("%s", (_name, quiet, now, timeZone, expected) => {
    expect(quietHoursEnd(at(now), quiet, timeZone)?.toISOString() ?? null).toBe(expected);
  });

  it("are off when unset, malformed or empty", () => {
    expect(quietHoursOf({ quietStart: null, quietEnd: "07:00" })).toBeNull();
    expect(quietHoursOf({ quietStart: "25:00", quietEnd: "07:00" })).toBeNull();
    expect(quietHoursOf({ quietStart: "07:00", quietEnd: "07:00" })).toBeNull();
    expect(quietHoursOf({ quietStart: "22:00", quietEnd: "07:00" })).toEqual(night);
  });
});

describe("when a notification is due", () => {
  const base = { quiet: night, timeZone: "UTC", now: at("2026-06-10T23:00:00Z"), urgent: false };

  it("waits for the end of quiet hours", () => {
    const due = notificationDueAt({ ...base, expiresAt: at("2026-06-11T09:00:00Z") });
    expect(due.toISOString()).toBe("2026-06-11T07:00:00.000Z");
  });

  it("goes now when the request would expire before the quiet hours end", () => {
    const due = notificationDueAt({ ...base, expiresAt: at("2026-06-11T01:00:00Z") });
    expect(due).toEqual(base.now);
  });

  it("goes now when urgent", () => {
    const due = notificationDueAt({ ...base, urgent: true, expiresAt: at("2026-06-11T09:00:00Z") });
    expect(due).toEqual(base.now);
  });

  it("goes now outside quiet hours or without them", () => {
    const expiresAt = at("2026-06-12T00:00:00Z");
    expect(notificationDueAt({ ...base, now: at("2026-06-11T12:00:00Z"), expiresAt })).toEqual(
      at("2026-06-11T12:00:00Z"),
    );
    expect(notificationDueAt({ ...base, quiet: null, expiresAt })).toEqual(base.now);
  });
});
