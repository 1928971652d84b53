import { describe, expect, it } from "vitest";
import { type DeliveryFacts, describeDelivery } from "./summary";

const now = new Date("2026-06-10T17:00:00Z");
const base: DeliveryFacts = {
  id: "d1",
  kind: "EMAIL",
  label: "Email",
  parentName: "Jane",
  reason: "NEW_REQUEST",
  status: "SENT",
  attempts: 1,
  dueAt: new Date("2026-06-10T16:59:00Z"),
  sentAt: new Date("2026-06-10T17:04:00Z"),
};

describe("who was notified when", () => {
  it.each<[string, Partial<DeliveryFacts>, string | null, boolean]>([
    ["sent email", {}, "Emailed Jane 18:04", false],
    [
      "sent push, escalation",
      { kind: "PUSH", parentName: "Joe", reason: "ESCALATION" },
      "Push to Joe 18:04 (escalation)",
      false,
    ],
    ["sent webhook", { kind: "WEBHOOK", label: "Slack" }, "Sent to Jane's Slack 18:04", false],
    [
      "failed push",
      { kind: "PUSH", parentName: "Joe", status: "FAILED", attempts: 3 },
      "Push to Joe failed (3 tries)",
      true,
    ],
    [
      "failed at once",
      { status: "FAILED", attempts: 1, reason: "EXPIRY_WARNING" },
      "Email to Jane failed (1 try) (expiry warning)",
      true,
    ],
    ["retrying", { status: "PENDING", attempts: 2, sentAt: null }, "Email to Jane: retrying (2 tries so far)", false],
    [
      "quiet hours",
      { status: "PENDING", attempts: 0, sentAt: null, dueAt: new Date("2026-06-11T06:00:00Z") },
      "Email to Jane at 07:00 (quiet hours)",
      false,
    ],
    ["due", { status: "PENDING", attempts: 0, sentAt: null }, "Email to Jane: sending", false],
    ["cancelled", { status: "CANCELLED" }, null, false],
  ])("%s", (_name, over, text, failed) => {
    const line = describeDelivery({ ...base, ...over }, now, "Europe/London");
    expect(line?.text ?? null).toBe(text);
    if (line) expect(line.failed).toBe(failed);
  });
});
