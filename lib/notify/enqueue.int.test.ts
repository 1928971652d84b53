// Queuing notifications with the request, in its transaction, through the real services and a real SQLite file.
import { TZDate } from "@date-fns/tz";
import { addMinutes, format } from "date-fns";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerQuestion } from "@/lib/approvals/answer";
import { submitQuestion } from "@/lib/approvals/ask-parent";
import { cancelPendingRequests } from "@/lib/approvals/cancel";
import { createApprovalRequest } from "@/lib/approvals/create";
import { decideRequest } from "@/lib/approvals/decide";
import { expireDueRequests } from "@/lib/approvals/expire";
import { buildOrderSnapshot } from "@/lib/approvals/snapshot";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { askParentFor, type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { addEmailChannel, deliveriesOf, resetNotifications, setTimers } from "@/lib/testing/notify";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
  await resetNotifications();
  await setTimers(f.a.familyId, { expiryMinutes: 120 });
  await addEmailChannel(f.a.jane);
  await addEmailChannel(f.a.joe);
});

describe("a new request queues its notifications", () => {
  it("one delivery per enabled channel of each parent who wants every request, due now", async () => {
    const before = new Date();
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const deliveries = await deliveriesOf(requestId);
    expect(deliveries.map((d) => [d.parent.name, d.reason, d.status]).sort()).toEqual([
      ["Jane", "NEW_REQUEST", "PENDING"],
      ["Joe", "NEW_REQUEST", "PENDING"],
    ]);
    for (const d of deliveries) {
      expect(d.dueAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
      expect(d.dueAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(d.nextAttemptAt).toEqual(d.dueAt);
    }
  });

  it("skips parents told only on escalation, disabled channels and other families", async () => {
    await db.user.update({ where: { id: f.a.joe.id }, data: { notifyOn: "ESCALATION" } });
    const second = await addEmailChannel(f.a.jane, "jane.work@mail.test");
    await db.notificationChannel.update({ where: { id: second.id }, data: { enabled: false } });
    await addEmailChannel(f.b.quinn);
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const deliveries = await deliveriesOf(requestId);
    expect(deliveries.map((d) => d.parent.name)).toEqual(["Jane"]);
    expect(deliveries[0]?.channelId).not.toBe(second.id);
  });

  it("skips a removed parent", async () => {
    await db.user.update({ where: { id: f.a.joe.id }, data: { active: false } });
    try {
      const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
      expect((await deliveriesOf(requestId)).map((d) => d.parent.name)).toEqual(["Jane"]);
    } finally {
      await db.user.update({ where: { id: f.a.joe.id }, data: { active: true } });
    }
  });

  it("writes nothing when the request's transaction rolls back", async () => {
    const ctx = await newChatContext(f.a.henry);
    const dish = f.a.dish("Deluxe Burger");
    const restaurant = f.a.restaurant("Burger Bonanza");
    const snapshot = buildOrderSnapshot(restaurant, [{ dish, quantity: 1 }]);
    let requestId = "";
    await expect(
      db.$transaction(async (tx) => {
        const rules = await getFamilyRules(ctx, tx);
        const reasons = [{ code: "DISH_PREMIUM" as const, dish: dish.name, priceCents: 1299, limitCents: 1000 }];
        const request = await createApprovalRequest(tx, { ...ctx, toolCallId: toolCallId(), snapshot, reasons, rules });
        requestId = request.id;
        expect(await tx.notificationDelivery.count({ where: { requestId } })).toBe(2);
        throw new Error("something later in the transaction failed");
      }),
    ).rejects.toThrow("something later");
    expect(requestId).not.toBe("");
    expect(await db.notificationDelivery.count({ where: { requestId } })).toBe(0);
    expect(await db.approvalRequest.count({ where: { id: requestId } })).toBe(0);
  });

  it("asking again for the same thing merges into the request and notifies nobody twice", async () => {
    const ctx = await newChatContext(f.a.henry);
    const dish = f.a.dish("Deluxe Burger");
    const input = { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity: 1 }] };
    const first = await submitOrder(ctx, input, toolCallId());
    const again = await submitOrder(ctx, input, toolCallId());
    if (first.status !== "pending" || again.status !== "pending") throw new Error("expected pending requests");
    expect(again.requestId).toBe(first.requestId);
    expect(await db.notificationDelivery.count({ where: { requestId: first.requestId } })).toBe(2);
  });
});

describe("quiet hours", () => {
  /** Quiet hours around the current UTC time (the family's time zone), crossing midnight when it is late. */
  async function quietNow(minutesLeft: number) {
    const now = new Date();
    const start = format(new TZDate(addMinutes(now, -60), "UTC"), "HH:mm");
    const end = format(new TZDate(addMinutes(now, minutesLeft), "UTC"), "HH:mm");
    await db.user.update({ where: { id: f.a.jane.id }, data: { quietStart: start, quietEnd: end } });
  }

  it("delay a parent's notification to the end of their quiet hours; the other parent's goes now", async () => {
    await quietNow(30);
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const byName = Object.fromEntries((await deliveriesOf(requestId)).map((d) => [d.parent.name, d]));
    const wait = (byName.Jane?.dueAt.getTime() ?? 0) - Date.now();
    // The end is a whole minute on the clock, 29 to 30 minutes away.
    expect(wait).toBeGreaterThan(28 * 60_000);
    expect(wait).toBeLessThanOrEqual(30 * 60_000);
    expect(byName.Jane?.nextAttemptAt).toEqual(byName.Jane?.dueAt);
    expect(byName.Joe?.dueAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("do not hold back a request that would expire before they end", async () => {
    await setTimers(f.a.familyId, { expiryMinutes: 20 });
    await quietNow(30);
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    for (const d of await deliveriesOf(requestId)) expect(d.dueAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe("a request that leaves PENDING cancels what was not sent yet", () => {
  async function sentOne(requestId: string) {
    const [first] = await deliveriesOf(requestId);
    if (!first) throw new Error("no delivery");
    await db.notificationDelivery.update({ where: { id: first.id }, data: { status: "SENT", sentAt: new Date() } });
    return first.id;
  }

  async function statuses(requestId: string) {
    return (await deliveriesOf(requestId)).map((d) => d.status).sort();
  }

  it("on a decision, in the decision's transaction; a sent message stays sent", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    await sentOne(requestId);
    await decideRequest({ actor: f.a.jane, requestId, decision: "APPROVE" });
    expect(await statuses(requestId)).toEqual(["CANCELLED", "SENT"]);
  });

  it("on a denial, an answer, an expiry and a cancellation", async () => {
    const denied = await askParentFor(f.a.henry, "Deluxe Burger");
    await decideRequest({ actor: f.a.joe, requestId: denied, decision: "DENY" });

    const ctx = await newChatContext(f.a.rose);
    const question = await submitQuestion(ctx, "Can I have dessert tonight?", toolCallId());
    if (question.status !== "pending") throw new Error("expected a question");
    await answerQuestion({ actor: f.a.jane, requestId: question.requestId, answer: "Yes" });

    const expired = await askParentFor(f.a.henry, "Foie Gras");
    await expireDueRequests({ now: addMinutes(new Date(), 121) });

    const cancelled = await askParentFor(f.a.rose, "Truffle Pasta");
    await db.$transaction((tx) =>
      cancelPendingRequests(tx, {
        familyId: f.a.familyId,
        where: { id: cancelled },
        message: "Gone.",
        actor: f.a.jane,
      }),
    );

    for (const id of [denied, question.requestId, expired, cancelled]) {
      expect(await statuses(id)).toEqual(["CANCELLED", "CANCELLED"]);
    }
  });

  it("but a decision that loses the race changes nothing", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    await decideRequest({ actor: f.a.jane, requestId, decision: "DENY" });
    await db.notificationDelivery.updateMany({ where: { requestId }, data: { status: "SENT" } });
    await decideRequest({ actor: f.a.joe, requestId, decision: "APPROVE" });
    expect(await statuses(requestId)).toEqual(["SENT", "SENT"]);
  });
});
