// The outbox worker against a real SMTP server (smtp-server on 127.0.0.1:2601) and a real SQLite file,
// with a fake clock: content and links of what arrives, retries with backoff, refusals, claims and leases.
import { addMilliseconds, addMinutes } from "date-fns";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submitQuestion } from "@/lib/approvals/ask-parent";
import { getInbox } from "@/lib/approvals/queries";
import { db } from "@/lib/db";
import { verifyDecisionToken } from "@/lib/decision-links/token";
import { askParentFor, type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { addEmailChannel, deliveriesOf, resetNotifications } from "@/lib/testing/notify";
import { type SmtpTestServer, startSmtpTestServer } from "@/lib/testing/smtp-test-server";
import { LEASE_MS, MAX_ATTEMPTS } from "./backoff";
import { deliverDue } from "./deliver";
import { DeliveryError } from "./types";
import { startNotifyWorker, stopNotifyWorker } from "./worker";

const SMTP_PORT = 2601;
const NOTHING_LISTENS = "smtp://127.0.0.1:2602";
const noJitter = () => 0;

let f: Families;
let smtp: SmtpTestServer;

beforeAll(async () => {
  f = await loadFamilies();
  smtp = await startSmtpTestServer(SMTP_PORT);
  process.env.APP_URL = "http://lunchbox.test:3600";
});

afterAll(async () => {
  await smtp.close();
});

beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
  await resetNotifications();
  smtp.mails.length = 0;
  smtp.refuseWith(null);
  process.env.SMTP_URL = smtp.url;
});

/** The token inside a /decide/<token> link, checked. */
function claimsOf(url: string) {
  const token = new URL(url).pathname.replace(/^\/decide\//, "");
  const verified = verifyDecisionToken(token);
  if (!verified.ok) throw new Error(`bad token: ${verified.reason}`);
  return verified.claims;
}

function linksIn(text: string): Record<string, string> {
  return Object.fromEntries(
    [...text.matchAll(/^(Approve|Deny|Open the request|Reply): (\S+)$/gm)].map((m) => [m[1], m[2]]),
  );
}

describe("email delivery", () => {
  it("sends who asks for what, the rule, the expiry and three one-tap links bound to the parent", async () => {
    await addEmailChannel(f.a.jane, "jane@mail.test");
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    expect(await deliverDue({ now: new Date() })).toMatchObject({ sent: 1, failed: 0 });

    const [mail] = await smtp.waitForMails(1);
    expect(mail?.subject).toBe("Henry asks for 1× Deluxe Burger from Burger Bonanza ($12.99)");
    expect(mail?.to && "text" in mail.to ? mail.to.text : "").toBe("jane@mail.test");
    expect(mail?.text).toContain("Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes.");
    expect(mail?.text).toMatch(/It expires at \d\d:\d\d \(UTC\)/);
    expect(mail?.html).toContain(">Approve…</a>");

    const links = linksIn(mail?.text ?? "");
    expect(Object.keys(links).sort()).toEqual(["Approve", "Deny", "Open the request"]);
    for (const [label, action] of [
      ["Approve", "approve"],
      ["Deny", "deny"],
      ["Open the request", "open"],
    ] as const) {
      expect(links[label]).toMatch(/^http:\/\/lunchbox\.test:3600\/decide\//);
      expect(claimsOf(links[label] ?? "")).toMatchObject({ requestId, parentId: f.a.jane.id, action });
    }

    const [delivery] = await deliveriesOf(requestId);
    expect(delivery).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(delivery?.sentAt).not.toBeNull();
    expect(await db.event.count({ where: { type: "notification.updated", familyId: f.a.familyId } })).toBeGreaterThan(
      0,
    );
  });

  it("gives a question only a Reply link", async () => {
    await addEmailChannel(f.a.joe);
    const question = await submitQuestion(await newChatContext(f.a.rose), "Can I have dessert tonight?", toolCallId());
    if (question.status !== "pending") throw new Error("expected a question");
    await deliverDue({ now: new Date() });
    const [mail] = await smtp.waitForMails(1);
    expect(mail?.subject).toBe("Rose asks a question");
    expect(mail?.text).toContain("“Can I have dessert tonight?”");
    expect(Object.keys(linksIn(mail?.text ?? ""))).toEqual(["Reply"]);
  });

  it("is not sent before it is due (quiet hours)", async () => {
    await addEmailChannel(f.a.jane);
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const later = addMinutes(new Date(), 30);
    await db.notificationDelivery.updateMany({ where: { requestId }, data: { dueAt: later, nextAttemptAt: later } });
    expect(await deliverDue({ now: new Date() })).toMatchObject({ sent: 0 });
    expect(await deliverDue({ now: addMinutes(later, 1) })).toMatchObject({ sent: 1 });
  });
});

describe("the worker", () => {
  it("is woken by a new request: the email goes out without waiting for a poll", async () => {
    process.env.NOTIFY_POLL_SECONDS = "3600";
    startNotifyWorker();
    try {
      await addEmailChannel(f.a.jane);
      const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
      const [mail] = await smtp.waitForMails(1);
      expect(mail?.subject).toContain("Henry asks for 1× Deluxe Burger");
      await expect.poll(async () => (await deliveriesOf(requestId))[0]?.status).toBe("SENT");
    } finally {
      stopNotifyWorker();
      delete process.env.NOTIFY_POLL_SECONDS;
    }
  });
});

describe("when the mail server is down or refuses", () => {
  it("retries with backoff (30 s, 1, 2, 4 min), then fails after five attempts, with the error", async () => {
    process.env.SMTP_URL = NOTHING_LISTENS;
    await addEmailChannel(f.a.jane);
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    let now = (await deliveriesOf(requestId))[0]?.nextAttemptAt ?? new Date();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      // A moment before it is due, nothing happens.
      expect(await deliverDue({ now: addMilliseconds(now, -1), random: noJitter })).toMatchObject({ retried: 0 });
      await deliverDue({ now, random: noJitter });
      const [d] = await deliveriesOf(requestId);
      expect(d?.attempts).toBe(attempt);
      expect(d?.lastError).toMatch(/^Could not reach the mail server: .*ECONNREFUSED/);
      if (attempt < MAX_ATTEMPTS) {
        expect(d?.status).toBe("PENDING");
        waits.push((d?.nextAttemptAt.getTime() ?? 0) - now.getTime());
        now = d?.nextAttemptAt ?? now;
      } else {
        expect(d?.status).toBe("FAILED");
      }
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(await deliverDue({ now: addMinutes(now, 60) })).toMatchObject({ sent: 0, failed: 0, retried: 0 });
  });

  it("fails at once on a permanent refusal (5xx)", async () => {
    smtp.refuseWith(550);
    await addEmailChannel(f.a.jane);
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    expect(await deliverDue({ now: new Date() })).toMatchObject({ failed: 1 });
    const [d] = await deliveriesOf(requestId);
    expect(d).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(d?.lastError).toMatch(/^The mail server refused the message: 550/);
  });

  it("retries a temporary refusal (4xx) and delivers once the server accepts", async () => {
    smtp.refuseWith(451);
    await addEmailChannel(f.a.jane);
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const now = new Date();
    expect(await deliverDue({ now, random: noJitter })).toMatchObject({ retried: 1 });
    const [waiting] = await deliveriesOf(requestId);
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(waiting?.lastError).toMatch(/^The mail server asked to try later: 451/);

    smtp.refuseWith(null);
    expect(await deliverDue({ now: addMilliseconds(now, 30_000), random: noJitter })).toMatchObject({ sent: 1 });
    expect((await deliveriesOf(requestId))[0]).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(smtp.mails).toHaveLength(1);
  });

  it("fails clearly when email is not configured", async () => {
    delete process.env.SMTP_URL;
    await addEmailChannel(f.a.jane);
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    await deliverDue({ now: new Date() });
    expect((await deliveriesOf(requestId))[0]).toMatchObject({
      status: "FAILED",
      lastError: "Email is not configured on this server (SMTP_URL is not set).",
    });
  });
});

describe("the inbox card", () => {
  it("says who was notified when, and which delivery failed", async () => {
    await addEmailChannel(f.a.jane);
    await addEmailChannel(f.a.joe, "joe@mail.test");
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const [, joe] = await deliveriesOf(requestId).then((ds) =>
      ds.sort((a, b) => a.parent.name.localeCompare(b.parent.name)),
    );
    await db.notificationChannel.update({
      where: { id: joe?.channelId ?? "" },
      data: { config: { address: "not an address" } },
    });
    await deliverDue({ now: new Date() });
    const { pending } = await getInbox({ familyId: f.a.familyId });
    const card = pending.find((item) => item.id === requestId);
    expect(card?.notifications.map((l) => [l.text.replace(/\d\d:\d\d/, "HH:MM"), l.failed])).toEqual([
      ["Emailed Jane HH:MM", false],
      ["Email to Joe failed (1 try)", true],
    ]);
  });
});

describe("channels", () => {
  it("a kind with no sender on this server fails as not available", async () => {
    await db.notificationChannel.create({
      data: {
        familyId: f.a.familyId,
        parentId: f.a.jane.id,
        kind: "WEBHOOK",
        label: "Slack",
        config: { url: "https://hooks.example/x", format: "slack", secret: "0123456789abcdef" },
      },
    });
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    await deliverDue({ now: new Date(), senders: {} });
    expect((await deliveriesOf(requestId))[0]).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastError: "This channel is not available on this server.",
    });
  });

  it("a channel gone for good is switched off, audited, and its queued messages cancelled", async () => {
    const channel = await addEmailChannel(f.a.jane);
    const first = await askParentFor(f.a.henry, "Deluxe Burger");
    const later = addMinutes(new Date(), 10);
    const second = await askParentFor(f.a.henry, "Foie Gras");
    await db.notificationDelivery.updateMany({ where: { requestId: second }, data: { nextAttemptAt: later } });
    const gone = async () => {
      throw new DeliveryError("The subscription has expired (410).", true, true);
    };
    await deliverDue({ now: new Date(), senders: { EMAIL: gone } });
    expect((await deliveriesOf(first))[0]).toMatchObject({ status: "FAILED" });
    expect((await deliveriesOf(second))[0]).toMatchObject({ status: "CANCELLED" });
    expect(await db.notificationChannel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({
      enabled: false,
      disabledReason: "The subscription has expired (410).",
    });
    expect(await db.auditEvent.count({ where: { action: "channel.disabled", subjectId: channel.id } })).toBe(1);
  });

  it("a delivery whose request was closed meanwhile is cancelled, not sent", async () => {
    await addEmailChannel(f.a.jane);
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    await db.approvalRequest.update({ where: { id: requestId }, data: { status: "DENIED" } });
    expect(await deliverDue({ now: new Date() })).toMatchObject({ sent: 0, cancelled: 1 });
    expect(smtp.mails).toHaveLength(0);
  });
});

describe("claims", () => {
  it("two workers at once send each message once", async () => {
    await addEmailChannel(f.a.jane);
    await addEmailChannel(f.a.joe);
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const now = new Date();
    const [a, b, c] = await Promise.all([deliverDue({ now }), deliverDue({ now }), deliverDue({ now })]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0) + (c?.sent ?? 0)).toBe(2);
    await smtp.waitForMails(2);
    expect(smtp.mails.map((m) => (m.to && "text" in m.to ? m.to.text : "")).sort()).toEqual([
      "jane@mail.test",
      "joe@mail.test",
    ]);
    for (const d of await deliveriesOf(requestId)) expect(d).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("a delivery held by a crashed worker is taken over when its lease runs out", async () => {
    await addEmailChannel(f.a.jane);
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const crashedAt = new Date();
    // What a worker leaves behind when it dies between claiming and recording the result.
    await db.notificationDelivery.updateMany({
      where: { requestId },
      data: { status: "SENDING", attempts: 1, nextAttemptAt: new Date(crashedAt.getTime() + LEASE_MS) },
    });
    expect(await deliverDue({ now: addMinutes(crashedAt, 1) })).toMatchObject({ sent: 0 });
    expect(await deliverDue({ now: new Date(crashedAt.getTime() + LEASE_MS) })).toMatchObject({ sent: 1 });
    expect((await deliveriesOf(requestId))[0]).toMatchObject({ status: "SENT", attempts: 2 });
    expect(smtp.mails).toHaveLength(1);
  });
});
