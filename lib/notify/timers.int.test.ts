// Escalation and expiry warnings with a fake clock, a real SQLite file and a real SMTP server (127.0.0.1:2603).
import { addMinutes } from "date-fns";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decideRequest } from "@/lib/approvals/decide";
import { db } from "@/lib/db";
import { askParentFor, type Families, loadFamilies } from "@/lib/testing/fixtures";
import { addEmailChannel, deliveriesOf, resetNotifications, setTimers } from "@/lib/testing/notify";
import { type SmtpTestServer, startSmtpTestServer } from "@/lib/testing/smtp-test-server";
import { deliverDue } from "./deliver";
import { escalateDueRequests, warnExpiringRequests } from "./timers";
import { runNotifyPass } from "./worker";

let f: Families;
let smtp: SmtpTestServer;

beforeAll(async () => {
  f = await loadFamilies();
  smtp = await startSmtpTestServer(2603);
});

afterAll(async () => {
  await smtp.close();
});

beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
  await resetNotifications();
  await setTimers(f.a.familyId, { escalationMinutes: 30, expiryWarningMinutes: 5, expiryMinutes: 120 });
  smtp.mails.length = 0;
  process.env.SMTP_URL = smtp.url;
  await addEmailChannel(f.a.jane);
  await addEmailChannel(f.a.joe);
});

async function madeAt(requestId: string): Promise<Date> {
  return (await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).createdAt;
}

function reasonsOf(requestId: string) {
  return deliveriesOf(requestId).then((ds) => ds.map((d) => `${d.reason} ${d.parent.name} ${d.status}`).sort());
}

describe("escalation", () => {
  it("tells the parents not reached yet, once, after the family's escalation time", async () => {
    await db.user.update({ where: { id: f.a.joe.id }, data: { notifyOn: "ESCALATION" } });
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const created = await madeAt(requestId);
    await deliverDue({ now: created });
    expect(await reasonsOf(requestId)).toEqual(["NEW_REQUEST Jane SENT"]);

    expect(await escalateDueRequests({ now: addMinutes(created, 29) })).toEqual([]);
    const at = addMinutes(created, 30);
    // Two workers at once: one claims it.
    const [a, b] = await Promise.all([escalateDueRequests({ now: at }), escalateDueRequests({ now: at })]);
    expect([...(a ?? []), ...(b ?? [])]).toEqual([requestId]);
    expect(await escalateDueRequests({ now: addMinutes(created, 60) })).toEqual([]);
    expect(await reasonsOf(requestId)).toEqual(["ESCALATION Joe PENDING", "NEW_REQUEST Jane SENT"]);
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).escalatedAt).toEqual(at);

    const audit = await db.auditEvent.findMany({ where: { action: "request.escalated", subjectId: requestId } });
    expect(audit.map((row) => row.data)).toEqual([
      { childId: f.a.henry.id, minutes: 30, notified: ["Joe"], reminder: false },
    ]);

    await deliverDue({ now: at });
    const [mail] = await smtp.waitForMails(2).then((mails) => mails.slice(1));
    expect(mail?.subject).toBe("Still waiting: Henry asks for 1× Deluxe Burger from Burger Bonanza ($12.99)");
    expect(mail?.text).toMatch(/^Nobody has decided yet: Henry asked at \d\d:\d\d\./);
  });

  it("reminds everyone when every parent was already reached", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const created = await madeAt(requestId);
    await deliverDue({ now: created });
    expect(await escalateDueRequests({ now: addMinutes(created, 30) })).toEqual([requestId]);
    expect(await reasonsOf(requestId)).toEqual([
      "ESCALATION Jane PENDING",
      "ESCALATION Joe PENDING",
      "NEW_REQUEST Jane SENT",
      "NEW_REQUEST Joe SENT",
    ]);
    const [row] = await db.auditEvent.findMany({ where: { action: "request.escalated", subjectId: requestId } });
    const data = row?.data as { notified: string[]; reminder: boolean };
    expect([...data.notified].sort()).toEqual(["Jane", "Joe"]);
    expect(data.reminder).toBe(true);
  });

  it("replaces a first message still waiting (quiet hours) instead of sending both", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const created = await madeAt(requestId);
    const morning = addMinutes(created, 90);
    await db.notificationDelivery.updateMany({
      where: { requestId, parentId: f.a.jane.id },
      data: { dueAt: morning, nextAttemptAt: morning },
    });
    await deliverDue({ now: created });
    await escalateDueRequests({ now: addMinutes(created, 30) });
    expect(await reasonsOf(requestId)).toEqual([
      "ESCALATION Jane PENDING",
      "NEW_REQUEST Jane CANCELLED",
      "NEW_REQUEST Joe SENT",
    ]);
  });

  it("is off without an escalation time, and never for a decided request", async () => {
    await setTimers(f.a.familyId, { escalationMinutes: null });
    const off = await askParentFor(f.a.henry, "Deluxe Burger");
    const created = await madeAt(off);
    expect(await escalateDueRequests({ now: addMinutes(created, 100) })).toEqual([]);

    await setTimers(f.a.familyId, { escalationMinutes: 30 });
    await decideRequest({ actor: f.a.jane, requestId: off, decision: "DENY" });
    expect(await escalateDueRequests({ now: addMinutes(created, 100) })).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "request.escalated", subjectId: off } })).toBe(0);
  });
});

describe("a family without channels", () => {
  it("has its requests claimed once, with no audit rows or events (nothing a parent could see changed)", async () => {
    await resetNotifications();
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const created = await madeAt(requestId);
    const events = await db.event.count();
    expect(await escalateDueRequests({ now: addMinutes(created, 30) })).toEqual([requestId]);
    expect(await warnExpiringRequests({ now: addMinutes(created, 115) })).toEqual([requestId]);
    expect(await escalateDueRequests({ now: addMinutes(created, 116) })).toEqual([]);
    expect(await db.auditEvent.count({ where: { subjectId: requestId, action: { not: "request.created" } } })).toBe(0);
    expect(await db.event.count()).toBe(events);
  });
});

describe("expiry warning", () => {
  it("warns every parent once, the rules' minutes before expiry, even in quiet hours", async () => {
    await db.user.update({
      where: { id: f.a.joe.id },
      data: { notifyOn: "ESCALATION", quietStart: "00:00", quietEnd: "23:59" },
    });
    await setTimers(f.a.familyId, { escalationMinutes: null });
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const expiresAt = (await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).expiresAt;

    expect(await warnExpiringRequests({ now: addMinutes(expiresAt, -6) })).toEqual([]);
    const at = addMinutes(expiresAt, -5);
    const [a, b] = await Promise.all([warnExpiringRequests({ now: at }), warnExpiringRequests({ now: at })]);
    expect([...(a ?? []), ...(b ?? [])]).toEqual([requestId]);
    expect(await warnExpiringRequests({ now: addMinutes(expiresAt, -1) })).toEqual([]);

    const warnings = (await deliveriesOf(requestId)).filter((d) => d.reason === "EXPIRY_WARNING");
    expect(warnings.map((d) => d.parent.name).sort()).toEqual(["Jane", "Joe"]);
    for (const d of warnings) expect(d.dueAt).toEqual(at);
    expect(await db.auditEvent.count({ where: { action: "request.expiry_warned", subjectId: requestId } })).toBe(1);

    const pass = await runNotifyPass({ now: at });
    expect(pass).toMatchObject({ warned: 0, escalated: 0 });
    const mails = await smtp.waitForMails(3);
    expect(mails.filter((m) => m.subject?.startsWith("Expires at "))).toHaveLength(2);
  });

  it("is skipped for a request made inside the warning window, and after expiry", async () => {
    await setTimers(f.a.familyId, { expiryMinutes: 4, escalationMinutes: null });
    const short = await askParentFor(f.a.henry, "Deluxe Burger");
    const created = await madeAt(short);
    expect(await warnExpiringRequests({ now: addMinutes(created, 1) })).toEqual([]);

    await setTimers(f.a.familyId, { expiryMinutes: 120 });
    const late = await askParentFor(f.a.henry, "Foie Gras");
    expect(await warnExpiringRequests({ now: addMinutes(await madeAt(late), 121) })).toEqual([]);
  });
});
