import { describe, expect, it } from "vitest";
import { decidedLine, familyClock } from "./decided-line";

const now = new Date("2026-11-25T18:30:00Z");

describe("familyClock", () => {
  it.each([
    ["2026-11-25T18:04:00Z", "UTC", "18:04"],
    ["2026-11-25T18:04:00Z", "Europe/Berlin", "19:04"],
    ["2026-11-25T18:04:00Z", "America/New_York", "13:04"],
    // Another calendar day on the family's clock gets its date.
    ["2026-11-24T18:04:00Z", "UTC", "24 Nov 18:04"],
    ["2026-11-25T23:30:00Z", "Asia/Tokyo", "26 Nov 08:30"],
  ])("%s in %s reads %s", (iso, zone, expected) => {
    expect(familyClock(new Date(iso), zone, zone === "Asia/Tokyo" ? new Date("2026-11-25T10:00:00Z") : now)).toBe(
      expected,
    );
  });
});

describe("decidedLine", () => {
  const at = "2026-11-25T18:04:00Z";
  it.each([
    [{ status: "APPROVED", decidedByName: "Jane", decidedAt: at }, "Decided by Jane at 18:04: approved."],
    [{ status: "DENIED", decidedByName: "Joe", decidedAt: new Date(at) }, "Decided by Joe at 18:04: denied."],
    [{ status: "ANSWERED", decidedByName: "Jane", decidedAt: at }, "Decided by Jane at 18:04: answered."],
    [{ status: "APPROVED", decidedByName: null, decidedAt: null }, "Decided by a parent: approved."],
    [
      { status: "EXPIRED", decidedByName: null, decidedAt: at },
      "Expired at 18:04: nobody answered in time, so nothing happened.",
    ],
    [{ status: "CANCELLED", decidedByName: "Jane", decidedAt: at }, "Cancelled at 18:04: nothing was ordered."],
  ])("%o", (closure, expected) => {
    expect(decidedLine(closure, "UTC", now)).toBe(expected);
  });
});
