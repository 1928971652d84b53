import { describe, expect, it } from "vitest";
import { describeWhen } from "./time";

const now = new Date("2026-11-25T18:10:00Z");

describe("describeWhen", () => {
  it("shows the family's local time and how long ago", () => {
    expect(describeWhen(new Date("2026-11-25T18:05:00Z"), "Europe/London", now)).toEqual({
      iso: "2026-11-25T18:05:00.000Z",
      absolute: "25 Nov 18:05",
      relative: "5 minutes ago",
    });
    expect(describeWhen(new Date("2026-11-25T18:05:00Z"), "America/New_York", now).absolute).toBe("25 Nov 13:05");
    expect(describeWhen(new Date("2026-11-25T18:09:30Z"), "UTC", now).relative).toBe("just now");
  });

  it("adds the year for other years", () => {
    expect(describeWhen(new Date("2025-03-01T08:00:00Z"), "UTC", now).absolute).toBe("1 Mar 2025 08:00");
  });
});
