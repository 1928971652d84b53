// The /family/notifications services against a real database file and real local receivers.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { signWebhook } from "@/lib/notify/channels/webhook";
import { askParentFor, countAudit, type Families, loadFamilies } from "@/lib/testing/fixtures";
import { startReceiver } from "@/lib/testing/notify-message";
import { addEmailChannel, addWebhookChannel, listChannels, removeChannel, savePushSubscription } from "./channels";
import { getDeliveryLog } from "./deliveries";
import { getPreferences, savePreferences } from "./preferences";
import { sendTestMessage } from "./test-send";

let f: Families;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
beforeAll(async () => {
  f = await loadFamilies();
});
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  await db.notificationChannel.deleteMany({});
});

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return ((error as AppError).details?.fieldErrors ?? {}) as Record<string, string>;
}

describe("channels", () => {
  it("adds and removes an email address, audited; another parent cannot remove it", async () => {
    const channel = await addEmailChannel(f.a.jane, { address: " Jane.Work@Example.com " });
    expect(channel).toMatchObject({ kind: "EMAIL", label: "jane.work@example.com" });
    expect(await listChannels({ parentId: f.a.jane.id, familyId: f.a.familyId })).toEqual([
      expect.objectContaining({ id: channel.id, kind: "EMAIL", enabled: true, endpoint: null }),
    ]);
    expect(await listChannels({ parentId: f.a.joe.id, familyId: f.a.familyId })).toEqual([]);
    expect(await countAudit(f.a.familyId, "notify.channel_added", channel.id)).toBe(1);

    for (const other of [f.a.joe, f.b.quinn]) {
      await expect(removeChannel(other, channel.id)).rejects.toMatchObject({ code: "not_found:channel" });
    }
    await removeChannel(f.a.jane, channel.id);
    expect(await db.notificationChannel.count({ where: { id: channel.id } })).toBe(0);
    expect(await countAudit(f.a.familyId, "notify.channel_removed", channel.id)).toBe(1);
  });

  it("refuses a bad address or URL field by field, storing nothing", async () => {
    expect(await fieldErrors(addEmailChannel(f.a.jane, { address: "jane@" }))).toHaveProperty("address");
    expect(await fieldErrors(addWebhookChannel(f.a.jane, { url: "ftp://x.example", format: "json" }))).toHaveProperty(
      "url",
    );
    expect(await fieldErrors(addWebhookChannel(f.a.jane, { url: "https://x.example", format: "xml" }))).toHaveProperty(
      "format",
    );
    expect(await db.notificationChannel.count()).toBe(0);
  });

  it("a webhook gets a fresh secret, returned once; the list and the audit never show it or the URL's path", async () => {
    const hook = await addWebhookChannel(f.a.jane, {
      url: "https://hooks.slack.com/services/T0/B0/SECRET",
      format: "slack",
    });
    expect(hook.secret).toMatch(/^[\w-]{43}$/);
    expect(hook.label).toBe("Slack webhook to hooks.slack.com");
    const listed = JSON.stringify(await listChannels({ parentId: f.a.jane.id, familyId: f.a.familyId }));
    expect(listed).not.toContain(hook.secret);
    expect(listed).not.toContain("SECRET");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: hook.id } });
    expect(JSON.stringify(audit.data)).not.toContain("SECRET");
    const other = await addWebhookChannel(f.a.jane, { url: "https://example.com/hook", format: "json" });
    expect(other.secret).not.toBe(hook.secret);
  });
});

describe("preferences", () => {
  it("saves quiet hours (past midnight) and notifyOn, audited with the changes; unchanged writes nothing", async () => {
    const before = await countAudit(f.a.familyId, "notify.preferences_changed");
    const result = await savePreferences(f.a.jane, { quietStart: "22:00", quietEnd: "07:00", notifyOn: "ESCALATION" });
    expect(result.changes).toEqual([
      "Quiet hours: none → 22:00–07:00",
      "Tell me about: every request → only escalations",
    ]);
    expect(await getPreferences({ parentId: f.a.jane.id, familyId: f.a.familyId })).toMatchObject({
      quietStart: "22:00",
      quietEnd: "07:00",
      notifyOn: "ESCALATION",
    });
    expect(
      (await savePreferences(f.a.jane, { quietStart: "22:00", quietEnd: "07:00", notifyOn: "ESCALATION" })).changes,
    ).toEqual([]);
    expect(await countAudit(f.a.familyId, "notify.preferences_changed")).toBe(before + 1);
    await savePreferences(f.a.jane, { quietStart: "", quietEnd: "", notifyOn: "ALL" });
    expect(await getPreferences({ parentId: f.a.jane.id, familyId: f.a.familyId })).toMatchObject({
      quietStart: null,
      quietEnd: null,
    });
  });

  it.each([
    [{ quietStart: "22:00", quietEnd: "", notifyOn: "ALL" }, "quietEnd"],
    [{ quietStart: "", quietEnd: "07:00", notifyOn: "ALL" }, "quietStart"],
    [{ quietStart: "9pm", quietEnd: "07:00", notifyOn: "ALL" }, "quietStart"],
    [{ quietStart: "07:00", quietEnd: "07:00", notifyOn: "ALL" }, "quietEnd"],
    [{ quietStart: "", quietEnd: "", notifyOn: "SOMETIMES" }, "notifyOn"],
  ])("refuses %j (%s)", async (input, field) => {
    expect(await fieldErrors(savePreferences(f.a.joe, input))).toHaveProperty(field);
  });
});

describe("send a test", () => {
  it("goes straight to a signed JSON webhook and reports success", async () => {
    receiver = await startReceiver(() => ({ status: 200 }));
    const hook = await addWebhookChannel(f.a.jane, { url: `${receiver.url}/in`, format: "json" });
    expect(await sendTestMessage(f.a.jane, hook.id)).toEqual({ ok: true, message: `Test sent to ${hook.label}.` });
    const hit = receiver.received[0];
    expect(JSON.parse(hit?.body.toString() ?? "{}").request.title).toBe("Test from Lunchbox");
    const timestamp = String(hit?.headers["x-lunchbox-timestamp"]);
    expect(hit?.headers["x-lunchbox-signature"]).toBe(signWebhook(hook.secret, timestamp, hit?.body.toString() ?? ""));
    // No delivery row: a test does not go through the outbox.
    expect(await db.notificationDelivery.count()).toBe(0);
  });

  it("reports a failing webhook in words", async () => {
    receiver = await startReceiver(() => ({ status: 500 }));
    const hook = await addWebhookChannel(f.a.jane, { url: receiver.url, format: "slack" });
    const result = await sendTestMessage(f.a.jane, hook.id);
    expect(result.ok).toBe(false);
    expect(result.message).toContain("answered 500");
  });

  it("switches off a push subscription the push service says is gone", async () => {
    const push = await savePushSubscription(f.a.jane, {
      endpoint: "https://push.example/sub",
      keys: { p256dh: "k", auth: "a" },
    });
    const gone = async () => {
      const { DeliveryError } = await import("@/lib/notify/types");
      throw new DeliveryError("The push subscription has expired (410).", true, true);
    };
    const result = await sendTestMessage(f.a.jane, push.id, { PUSH: gone });
    expect(result.ok).toBe(false);
    expect(await db.notificationChannel.findUniqueOrThrow({ where: { id: push.id } })).toMatchObject({
      enabled: false,
      disabledReason: "The push subscription has expired (410).",
    });
  });

  it("only for the parent's own channel", async () => {
    const hook = await addWebhookChannel(f.a.jane, { url: "https://example.com/x", format: "json" });
    await expect(sendTestMessage(f.a.joe, hook.id)).rejects.toMatchObject({ code: "not_found:channel" });
    await expect(sendTestMessage(f.b.quinn, hook.id)).rejects.toMatchObject({ code: "not_found:channel" });
  });
});

describe("delivery log", () => {
  it("lists the parent's own deliveries, newest first, at most 20, with channel, child and error", async () => {
    const hooks = [];
    for (const n of [1, 2, 3])
      hooks.push(await addWebhookChannel(f.a.jane, { url: `https://example.com/${n}`, format: "json" }));
    const requestIds: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const id = await askParentFor(f.a.henry, "Deluxe Burger");
      await db.approvalRequest.update({ where: { id }, data: { status: "CANCELLED" } });
      requestIds.push(id);
    }
    // The outbox already queued a NEW_REQUEST for each channel; this test writes its own history instead.
    await db.notificationDelivery.deleteMany({ where: { requestId: { in: requestIds } } });
    const base = Date.parse("2026-11-25T12:00:00Z");
    const combos = hooks.flatMap((hook) =>
      requestIds.flatMap((requestId) =>
        ["NEW_REQUEST", "ESCALATION", "EXPIRY_WARNING"].map((reason) => ({ channelId: hook.id, requestId, reason })),
      ),
    );
    await db.notificationDelivery.createMany({
      data: combos.map((combo, i) => ({
        ...combo,
        familyId: f.a.familyId,
        parentId: f.a.jane.id,
        status: i === combos.length - 1 ? "FAILED" : "SENT",
        attempts: i === combos.length - 1 ? 5 : 1,
        lastError: i === combos.length - 1 ? "The webhook answered 500." : null,
        dueAt: new Date(base + i * 1000),
        nextAttemptAt: new Date(base + i * 1000),
        createdAt: new Date(base + i * 1000),
      })),
    });
    const log = await getDeliveryLog({ parentId: f.a.jane.id, familyId: f.a.familyId });
    expect(combos).toHaveLength(27);
    expect(log).toHaveLength(20);
    expect(log.map((row) => row.createdAt.getTime())).toEqual(
      Array.from({ length: 20 }, (_, i) => base + (26 - i) * 1000),
    );
    expect(log[0]).toMatchObject({
      channel: hooks[2]?.label,
      childName: "Henry",
      requestKind: "ORDER",
      status: "FAILED",
      attempts: 5,
      lastError: "The webhook answered 500.",
    });
    expect(await getDeliveryLog({ parentId: f.a.joe.id, familyId: f.a.familyId })).toEqual([]);
    expect(await getDeliveryLog({ parentId: f.a.jane.id, familyId: f.b.familyId })).toEqual([]);
  });
});
