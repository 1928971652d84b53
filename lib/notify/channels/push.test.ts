import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { DeliveryError, type PushPayload } from "@/lib/notify/types";
import { getVapidKeys } from "@/lib/notify/vapid";
import { outgoingMessage } from "@/lib/testing/notify-message";
import { browserSubscription, checkVapid, startPushService } from "@/lib/testing/push-service";
import { createPushSender, pushTtl } from "./push";

const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:parents@example.com" };
let status = 201;
let service: Awaited<ReturnType<typeof startPushService>>;
beforeAll(async () => {
  service = await startPushService(() => status);
});
afterAll(() => service.close());

function sender() {
  return createPushSender({ agent: service.agent, keys: () => vapid });
}

async function failureOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe("push sender", () => {
  it("sends a VAPID-signed, aes128gcm-encrypted PushPayload the subscription can decrypt", async () => {
    status = 201;
    const browser = browserSubscription(`${service.origin}/push/sub-1`);
    const message = outgoingMessage();
    await sender()(browser.config, message);

    const hit = service.received.at(-1);
    if (!hit) throw new Error("nothing arrived");
    expect(hit.url).toBe("/push/sub-1");
    const auth = checkVapid(hit.headers.authorization, vapid.publicKey);
    if (!auth.ok) throw new Error(auth.why);
    expect(auth.claims.aud).toBe(service.origin);
    expect(auth.claims.sub).toBe(vapid.subject);
    const now = Date.now() / 1000;
    expect(auth.claims.exp).toBeGreaterThan(now);
    expect(auth.claims.exp).toBeLessThanOrEqual(now + 24 * 3600);
    expect(hit.headers["content-encoding"]).toBe("aes128gcm");
    expect(hit.headers.urgency).toBe("high");
    const ttl = Number(hit.headers.ttl);
    expect(ttl).toBeGreaterThan(29 * 60 - 10);
    expect(ttl).toBeLessThanOrEqual(30 * 60);

    const payload = JSON.parse(browser.decrypt(hit.body)) as PushPayload;
    expect(payload).toEqual({
      title: message.title,
      body: message.body,
      tag: "request-req_1",
      url: message.links.open,
      actions: [
        { action: "approve", title: "Approve…", url: message.links.approve },
        { action: "deny", title: "Deny…", url: message.links.deny },
      ],
    });
    // Someone else's keys cannot read it.
    expect(() => browserSubscription("x").decrypt(hit.body)).toThrow();
  });

  it("a question carries no approve/deny actions", async () => {
    status = 201;
    const browser = browserSubscription(`${service.origin}/push/sub-2`);
    await sender()(browser.config, outgoingMessage({ requestKind: "QUESTION" }));
    const payload = JSON.parse(browser.decrypt(service.received.at(-1)?.body ?? Buffer.alloc(0))) as PushPayload;
    expect(payload.actions).toBeUndefined();
    expect(payload.url).toBe("http://127.0.0.1:3000/decide/open-token");
  });

  it("a 410 (expired subscription) and a 404 are permanent and switch the channel off", async () => {
    const browser = browserSubscription(`${service.origin}/push/gone`);
    for (const code of [410, 404]) {
      status = code;
      const error = await failureOf(sender()(browser.config, outgoingMessage()));
      expect(error.permanent).toBe(true);
      expect(error.disableChannel).toBe(true);
      expect(error.message).toContain(String(code));
    }
  });

  it("a 500 or 429 is worth retrying; a 400 is permanent but keeps the channel", async () => {
    const browser = browserSubscription(`${service.origin}/push/flaky`);
    for (const [code, permanent] of [
      [500, false],
      [429, false],
      [400, true],
    ] as const) {
      status = code;
      const error = await failureOf(sender()(browser.config, outgoingMessage()));
      expect([code, error.permanent, error.disableChannel]).toEqual([code, permanent, false]);
    }
  });

  it("an unreachable push service is worth retrying", async () => {
    const browser = browserSubscription("https://127.0.0.1:1/push/none");
    const error = await failureOf(sender()(browser.config, outgoingMessage()));
    expect(error.permanent).toBe(false);
  });

  it("TTL runs until the request expires, never below zero", () => {
    const now = new Date("2026-11-25T12:00:00Z");
    expect(pushTtl(new Date("2026-11-25T12:10:00Z"), now)).toBe(600);
    expect(pushTtl(new Date("2026-11-25T11:00:00Z"), now)).toBe(0);
  });
});

describe("VAPID keys", () => {
  it("are generated once into data/.vapid.json (0600) and kept", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lunchbox-vapid-"));
    const first = getVapidKeys({ env: {}, dataDir });
    const file = path.join(dataDir, ".vapid.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(first.publicKey, "base64url")).toHaveLength(65);
    const again = getVapidKeys({ env: { VAPID_SUBJECT: "https://lunchbox.example" }, dataDir });
    expect(again).toEqual({ ...first, subject: "https://lunchbox.example" });
    fs.rmSync(dataDir, { recursive: true });
  });

  it("come from the environment when set, and half a pair is an error", () => {
    const env = {
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: vapid.subject,
    };
    expect(getVapidKeys({ env, dataDir: "/nonexistent" })).toEqual(vapid);
    expect(() => getVapidKeys({ env: { VAPID_PUBLIC_KEY: vapid.publicKey }, dataDir: "/nonexistent" })).toThrow(/both/);
  });
});
