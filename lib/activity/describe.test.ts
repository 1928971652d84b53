import { describe, expect, it } from "vitest";
import { type AuditRowFacts, actionLabel, type DescribeContext, describeEvent, type RequestFacts } from "./describe";

const names = new Map([
  ["jane", "Jane"],
  ["henry", "Henry"],
  ["rose", "Rose"],
  ["gone", "Gus"],
]);

const ORDER_SNAPSHOT = {
  kind: "ORDER",
  restaurant: { id: "r1", name: "Burger Bonanza" },
  items: [{ dishId: "d1", name: "Deluxe Burger", quantity: 2, unitPriceCents: 1299, lineTotalCents: 2598 }],
  totalCents: 2598,
};
const PREMIUM = { code: "DISH_PREMIUM", dish: "Deluxe Burger", priceCents: 1299, limitCents: 1000 };
const PREMIUM_WORDS = "Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes.";
const RESTRICTED = { code: "RESTAURANT_RESTRICTED", restaurant: "Fancy French" };
const RESTRICTED_WORDS = "Fancy French is a restricted restaurant: a parent has to allow it first.";

const requests = new Map<string, RequestFacts>([
  ["req-order", { kind: "ORDER", snapshot: ORDER_SNAPSHOT, note: null, reasons: [PREMIUM] }],
  [
    "req-access",
    {
      kind: "RESTAURANT_ACCESS",
      snapshot: { kind: "RESTAURANT_ACCESS", restaurant: { id: "r2", name: "Fancy French" } },
      note: null,
      reasons: [RESTRICTED],
    },
  ],
  [
    "req-question",
    {
      kind: "QUESTION",
      snapshot: { kind: "QUESTION", question: "Can I have dessert tonight?" },
      note: "Yes, after dinner.",
    },
  ],
  [
    "req-cancelled",
    {
      kind: "ORDER",
      snapshot: ORDER_SNAPSHOT,
      note: "Burger Bonanza was removed by a parent, so this request was cancelled.",
    },
  ],
]);
const context: DescribeContext = { names, requests };

function row(action: string, over: Partial<AuditRowFacts> = {}): AuditRowFacts {
  return { seq: 1, actorId: "jane", actorRole: "PARENT", childId: "henry", action, subjectId: null, data: {}, ...over };
}

// Every action name the app writes, with the data its service puts in, and the words a parent reads.
const CASES: Array<[string, AuditRowFacts, string, string[]]> = [
  [
    "request.created (order)",
    row("request.created", {
      actorId: "henry",
      actorRole: "CHILD",
      subjectId: "req-order",
      data: { kind: "ORDER", reasons: [PREMIUM] },
    }),
    "Henry asked a parent to allow 2× Deluxe Burger from Burger Bonanza ($25.98)",
    ["Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes."],
  ],
  [
    "request.created (access)",
    row("request.created", {
      actorId: "henry",
      actorRole: "CHILD",
      subjectId: "req-access",
      data: { kind: "RESTAURANT_ACCESS", reasons: [{ code: "RESTAURANT_RESTRICTED", restaurant: "Fancy French" }] },
    }),
    "Henry asked to use Fancy French",
    ["Fancy French is a restricted restaurant: a parent has to allow it first."],
  ],
  [
    "request.created (question)",
    row("request.created", {
      actorId: "henry",
      actorRole: "CHILD",
      subjectId: "req-question",
      data: { kind: "QUESTION", reasons: [{ code: "QUESTION_FOR_PARENT" }] },
    }),
    "Henry asked a parent: “Can I have dessert tonight?”",
    ["Only a parent can answer this question."],
  ],
  [
    "request.approved",
    row("request.approved", {
      subjectId: "req-order",
      data: { childId: "henry", kind: "ORDER", note: "Enjoy!", scope: "ONCE" },
    }),
    "Jane approved Henry's order of 2× Deluxe Burger from Burger Bonanza ($25.98)",
    [PREMIUM_WORDS, "Note to Henry: “Enjoy!”"],
  ],
  [
    "request.approved (edited, always this dish)",
    row("request.approved", {
      subjectId: "req-order",
      data: {
        childId: "henry",
        kind: "ORDER",
        scope: "ALWAYS_DISH",
        edit: { proposedHash: "a", editedHash: "b", changes: ["Deluxe Burger: 2 → 1", "Fries removed"] },
      },
    }),
    "Jane approved Henry's order of 2× Deluxe Burger from Burger Bonanza ($25.98) with changes, and always allowed this dish",
    [PREMIUM_WORDS, "Changed: Deluxe Burger: 2 → 1; Fries removed"],
  ],
  [
    "request.approved (access, always)",
    row("request.approved", {
      subjectId: "req-access",
      data: { childId: "henry", kind: "RESTAURANT_ACCESS", scope: "ALWAYS_RESTAURANT" },
    }),
    "Jane always allowed Henry to use Fancy French",
    [RESTRICTED_WORDS],
  ],
  [
    "request.approved (access, once)",
    row("request.approved", {
      subjectId: "req-access",
      data: { childId: "henry", kind: "RESTAURANT_ACCESS", scope: "ONCE" },
    }),
    "Jane allowed Henry to use Fancy French once",
    [RESTRICTED_WORDS],
  ],
  [
    "request.approved (from a one-tap link)",
    row("request.approved", {
      subjectId: "req-order",
      data: { childId: "henry", kind: "ORDER", scope: "ONCE", via: "link" },
    }),
    "Jane approved Henry's order of 2× Deluxe Burger from Burger Bonanza ($25.98)",
    [PREMIUM_WORDS, "Decided from a one-tap link."],
  ],
  [
    "request.denied",
    row("request.denied", { subjectId: "req-order", data: { childId: "henry", kind: "ORDER", note: "Not today" } }),
    "Jane denied Henry's order of 2× Deluxe Burger from Burger Bonanza ($25.98)",
    [PREMIUM_WORDS, "Note to Henry: “Not today”"],
  ],
  [
    "request.answered",
    row("request.answered", {
      subjectId: "req-question",
      data: { childId: "henry", question: "Can I have dessert tonight?", answer: "One scoop." },
    }),
    "Jane answered Henry's question “Can I have dessert tonight?”",
    ["Answer: “One scoop.”"],
  ],
  [
    "request.expired",
    row("request.expired", { actorId: null, actorRole: "SYSTEM", subjectId: "req-access", data: { childId: "henry" } }),
    "Lunchbox closed Henry's request to use Fancy French: no parent answered in time",
    [],
  ],
  [
    "request.escalated",
    row("request.escalated", {
      actorId: null,
      actorRole: "SYSTEM",
      subjectId: "req-order",
      data: { childId: "henry", minutes: 30, notified: ["Joe"], reminder: false },
    }),
    "Lunchbox told Joe about Henry's order of 2× Deluxe Burger from Burger Bonanza ($25.98): nobody had decided after 30 minutes",
    [],
  ],
  [
    "request.escalated (reminder)",
    row("request.escalated", {
      actorId: null,
      actorRole: "SYSTEM",
      subjectId: "req-access",
      data: { childId: "henry", minutes: 30, notified: ["Jane", "Joe"], reminder: true },
    }),
    "Lunchbox reminded Jane and Joe about Henry's request to use Fancy French: nobody had decided after 30 minutes",
    [],
  ],
  [
    "request.expiry_warned",
    row("request.expiry_warned", {
      actorId: null,
      actorRole: "SYSTEM",
      subjectId: "req-question",
      data: { childId: "henry", minutes: 5, parents: 2 },
    }),
    "Lunchbox warned the parents that Henry's question “Can I have dessert tonight?” expires in 5 minutes",
    [],
  ],
  [
    "channel.disabled",
    row("channel.disabled", {
      actorId: null,
      actorRole: "SYSTEM",
      childId: null,
      data: { parentId: "jane", reason: "The subscription has expired (410)." },
    }),
    "Lunchbox switched off a notification channel of Jane",
    ["The subscription has expired (410)."],
  ],
  [
    "request.cancelled (message)",
    row("request.cancelled", {
      subjectId: "req-cancelled",
      data: { childId: "henry", message: "Burger Bonanza was removed." },
    }),
    "Jane cancelled Henry's order of 2× Deluxe Burger from Burger Bonanza ($25.98)",
    ["Burger Bonanza was removed."],
  ],
  [
    "request.cancelled (approve found a removed dish)",
    row("request.cancelled", {
      subjectId: "req-order",
      data: { reasons: [{ code: "DISH_UNAVAILABLE", dish: "Deluxe Burger" }], attempted: "APPROVE" },
    }),
    "Jane tried to approve Henry's order of 2× Deluxe Burger from Burger Bonanza ($25.98), but it was cancelled",
    ["Deluxe Burger is no longer on the menu."],
  ],
  [
    "order.placed (by the child)",
    row("order.placed", {
      actorId: "henry",
      actorRole: "CHILD",
      data: { childId: "henry", restaurant: "Pizza Palace", items: ["1× Cheese Pizza"], totalCents: 899 },
    }),
    "Henry ordered 1× Cheese Pizza from Pizza Palace ($8.99)",
    ["Within the family's rules: no parent was needed."],
  ],
  [
    "order.placed (after approval)",
    row("order.placed", {
      data: {
        childId: "henry",
        restaurant: "Burger Bonanza",
        items: ["1× Deluxe Burger"],
        totalCents: 1299,
        approvalRequestId: "req-order",
      },
    }),
    "Jane placed Henry's order: 1× Deluxe Burger from Burger Bonanza ($12.99)",
    ["A parent approved it."],
  ],
  [
    "grant.created (restaurant, always)",
    row("grant.created", {
      data: { childId: "rose", restaurant: "Sushi World", scope: "ALWAYS_RESTAURANT" },
      childId: "rose",
    }),
    "Jane always allowed Rose to use Sushi World",
    [],
  ],
  [
    "grant.created (dish)",
    row("grant.created", {
      data: { childId: "henry", restaurant: "Burger Bonanza", dish: "Deluxe Burger", scope: "ALWAYS" },
    }),
    "Jane always allowed Henry to order the Deluxe Burger at Burger Bonanza",
    [],
  ],
  [
    "grant.created (once)",
    row("grant.created", { data: { childId: "henry", restaurant: "Fancy French", scope: "ONCE" } }),
    "Jane allowed Henry to use Fancy French once",
    [],
  ],
  [
    "grant.revoked",
    row("grant.revoked", { childId: "rose", data: { childId: "rose", restaurant: "Sushi World" } }),
    "Jane revoked Rose's standing permission to use Sushi World",
    [],
  ],
  [
    "rules.changed",
    row("rules.changed", {
      childId: null,
      data: { version: 3, changes: ["Premium dish limit: $10.00 → $15.00", "Daily budget for Henry: none → $20.00"] },
    }),
    "Jane changed the family rules (version 3)",
    ["Premium dish limit: $10.00 → $15.00", "Daily budget for Henry: none → $20.00"],
  ],
  [
    "restaurant.created",
    row("restaurant.created", { childId: null, data: { restaurant: "Noodle Bar", restricted: true } }),
    "Jane added the restaurant Noodle Bar (restricted)",
    [],
  ],
  [
    "restaurant.updated",
    row("restaurant.updated", {
      childId: null,
      data: { restaurant: "Noodle House", changes: ["Name: Noodle Bar → Noodle House"] },
    }),
    "Jane changed the restaurant Noodle House",
    ["Name: Noodle Bar → Noodle House"],
  ],
  [
    "restaurant.removed",
    row("restaurant.removed", { childId: null, data: { name: "Noodle House" } }),
    "Jane removed the restaurant Noodle House",
    [],
  ],
  [
    "dish.created",
    row("dish.created", { childId: null, data: { restaurant: "Noodle Bar", dish: "Ramen", priceCents: 1250 } }),
    "Jane added Ramen ($12.50) to Noodle Bar",
    [],
  ],
  [
    "dish.updated",
    row("dish.updated", {
      childId: null,
      data: { restaurant: "Noodle Bar", dish: "Ramen", changes: ["Price: $12.50 → $11.00"] },
    }),
    "Jane changed Ramen at Noodle Bar",
    ["Price: $12.50 → $11.00"],
  ],
  [
    "dish.removed",
    row("dish.removed", { childId: null, data: { restaurant: "Noodle Bar", dish: "Ramen", priceCents: 1100 } }),
    "Jane removed Ramen from Noodle Bar",
    [],
  ],
  [
    "child.created",
    row("child.created", { childId: "gone", data: { childId: "gone", name: "Gus" } }),
    "Jane added the child Gus",
    [],
  ],
  [
    "child.updated",
    row("child.updated", { childId: "gone", data: { childId: "gone", name: "Gus", changes: ["Name: Gustav → Gus"] } }),
    "Jane changed Gus's details",
    ["Name: Gustav → Gus"],
  ],
  [
    "child.password_reset",
    row("child.password_reset", { childId: "gone", data: { childId: "gone", name: "Gus" } }),
    "Jane reset Gus's password or PIN",
    [],
  ],
  [
    "child.removed",
    row("child.removed", { childId: "gone", data: { childId: "gone", name: "Gus" } }),
    "Jane removed the child Gus",
    [],
  ],
  [
    "authz.denied",
    row("authz.denied", {
      actorId: "henry",
      actorRole: "CHILD",
      subjectId: "inbox.decide",
      data: { required: "PARENT" },
    }),
    "Henry was refused access",
    ["Tried “inbox.decide”, which only a parent may do."],
  ],
  [
    "notify.channel_added",
    row("notify.channel_added", { data: { kind: "WEBHOOK", label: "Slack webhook to hooks.slack.com" } }),
    "Jane added a webhook channel: Slack webhook to hooks.slack.com",
    [],
  ],
  [
    "notify.channel_removed",
    row("notify.channel_removed", { data: { kind: "PUSH", label: "Chrome on Android" } }),
    "Jane removed a push channel: Chrome on Android",
    [],
  ],
  [
    "notify.preferences_changed",
    row("notify.preferences_changed", { data: { changes: ["Quiet hours: none → 22:00–07:00"] } }),
    "Jane changed their notification settings",
    ["Quiet hours: none → 22:00–07:00"],
  ],
  [
    "an unknown action",
    row("party.started", { data: { anything: true } }),
    "Jane did something recorded as “party.started”",
    [],
  ],
];

describe("describeEvent", () => {
  it.each(CASES)("%s", (_name, input, sentence, why) => {
    expect(describeEvent(input, context)).toEqual({
      who: input.actorRole === "SYSTEM" ? "Lunchbox" : expect.any(String),
      sentence,
      why,
    });
  });

  it("has a case for every action the activity filters know", async () => {
    const { KINDS } = await import("./filters");
    const covered = new Set(CASES.map(([, input]) => input.action));
    for (const { actions } of Object.values(KINDS)) for (const action of actions) expect(covered).toContain(action);
  });

  it("never crashes on odd data: missing fields, wrong types, unknown reason codes, unknown people", () => {
    const odd: unknown[] = [
      null,
      42,
      "text",
      [],
      { reasons: "nope" },
      { reasons: [{ code: "MADE_UP" }, null, { code: "DISH_PREMIUM" }] },
      { items: [null, 3, { name: 5 }] },
    ];
    for (const data of odd) {
      for (const action of CASES.map(([, r]) => r.action)) {
        const result = describeEvent(row(action, { actorId: "stranger", childId: "nobody", data }), { names });
        expect(result.sentence).not.toMatch(/undefined|NaN|\[object/);
        expect(result.why.join(" ")).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });

  it("names the actor by role when the user is unknown, and Lunchbox for the system", () => {
    expect(describeEvent(row("rules.changed", { actorId: "x" }), { names }).who).toBe("A parent");
    expect(describeEvent(row("authz.denied", { actorId: "x", actorRole: "CHILD" }), { names }).who).toBe("A child");
    expect(describeEvent(row("authz.denied", { actorId: null, actorRole: "ANONYMOUS" }), { names }).who).toBe(
      "Someone who was not signed in",
    );
    expect(describeEvent(row("request.expired", { actorId: null, actorRole: "SYSTEM" }), { names }).sentence).toMatch(
      /^Lunchbox /,
    );
  });

  it("takes the child's name from the row's child, then from data", () => {
    const data = { childId: "rose", restaurant: "Sushi World", scope: "ALWAYS" };
    expect(describeEvent(row("grant.created", { childId: null, data }), { names }).sentence).toContain("Rose");
    expect(
      describeEvent(row("grant.created", { childId: null, data: { ...data, childId: "x", childName: "Zed" } }), {
        names,
      }).sentence,
    ).toContain("Zed");
  });
});

describe("actionLabel", () => {
  it("reads an action as words", () => {
    expect(actionLabel("request.approved")).toBe("request approved");
    expect(actionLabel("child.password_reset")).toBe("child password reset");
  });
});
