import { describe, expect, it } from "vitest";
import type { Snapshot } from "@/lib/approvals/snapshot";
import type { Reason } from "@/lib/policy";
import { type ComposeInput, composeMessage } from "./compose";

const order: Snapshot = {
  kind: "ORDER",
  restaurant: { id: "r1", name: "Burger Bonanza" },
  items: [{ dishId: "d1", name: "Deluxe Burger", quantity: 1, unitPriceCents: 1299, lineTotalCents: 1299 }],
  totalCents: 1299,
};
const premium: Reason[] = [{ code: "DISH_PREMIUM", dish: "Deluxe Burger", priceCents: 1299, limitCents: 1000 }];

function input(overrides: Partial<ComposeInput> = {}, snapshot: Snapshot = order, reasons: Reason[] = premium) {
  return {
    deliveryId: "del_1",
    reason: "NEW_REQUEST",
    request: {
      id: "req_1",
      kind: snapshot.kind,
      snapshot,
      reasons,
      createdAt: new Date("2026-06-10T17:04:00Z"),
      expiresAt: new Date("2026-06-10T19:04:00Z"),
    },
    childName: "Henry",
    timeZone: "Europe/London",
    link: (action) => `https://app.example/decide/${action}-token`,
    ...overrides,
  } satisfies ComposeInput;
}

describe("notification wording", () => {
  it("says who asks for what, the rule that fired and when it expires, on the family's clock", () => {
    const message = composeMessage(input());
    expect(message.title).toBe("Henry asks for 1× Deluxe Burger from Burger Bonanza ($12.99)");
    expect(message.body).toContain("Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes.");
    expect(message.body).toContain("It expires at 20:04 (Europe/London)");
    expect(message.links).toEqual({
      open: "https://app.example/decide/open-token",
      approve: "https://app.example/decide/approve-token",
      deny: "https://app.example/decide/deny-token",
    });
  });

  it("marks an escalation and an expiry warning", () => {
    expect(composeMessage(input({ reason: "ESCALATION" })).title).toMatch(/^Still waiting: Henry asks for/);
    expect(composeMessage(input({ reason: "ESCALATION" })).body).toMatch(
      /^Nobody has decided yet: Henry asked at 18:04/,
    );
    expect(composeMessage(input({ reason: "EXPIRY_WARNING" })).title).toMatch(/^Expires at 20:04: Henry asks/);
  });

  it("gives a question only the link to open it, and labels its words as Lunchbox's", () => {
    const question: Snapshot = { kind: "QUESTION", question: "Can I have dessert tonight?" };
    const message = composeMessage(input({}, question, [{ code: "QUESTION_FOR_PARENT" }]));
    expect(message.title).toBe("Henry asks a question");
    expect(message.body).toContain("The question, as Lunchbox put it: “Can I have dessert tonight?”");
    expect(message.links).toEqual({ open: "https://app.example/decide/open-token" });
  });

  it("names the restaurant of an access request and why it is restricted", () => {
    const access: Snapshot = { kind: "RESTAURANT_ACCESS", restaurant: { id: "r2", name: "Fancy French" } };
    const message = composeMessage(input({}, access, [{ code: "RESTAURANT_RESTRICTED", restaurant: "Fancy French" }]));
    expect(message.title).toBe("Henry asks to use Fancy French");
    expect(message.body).toContain("Fancy French is a restricted restaurant");
  });
});
