import { createHmac, timingSafeEqual } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { DeliveryError, type WebhookConfig } from "@/lib/notify/types";
import { outgoingMessage, startReceiver } from "@/lib/testing/notify-message";
import { createWebhookSender, sendWebhook } from "./webhook";

const secret = "a-test-secret-of-enough-length";
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** What a receiver does (README, "Verifying a webhook"): HMAC of "<timestamp>.<raw body>", constant-time compare. */
function verify(headers: Record<string, string | string[] | undefined>, body: Buffer): boolean {
  const timestamp = String(headers["x-lunchbox-timestamp"]);
  const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex")}`;
  const given = Buffer.from(String(headers["x-lunchbox-signature"]));
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
}

async function failureOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe("webhook sender", () => {
  it("posts our JSON body, signed so that it verifies and a changed body does not", async () => {
    receiver = await startReceiver(() => ({ status: 204 }));
    const config: WebhookConfig = { url: `${receiver.url}/hook`, format: "json", secret };
    const message = outgoingMessage();
    await sendWebhook(config, message);

    const [hit] = receiver.received;
    if (!hit) throw new Error("nothing arrived");
    expect(hit.url).toBe("/hook");
    expect(hit.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(hit.body.toString())).toEqual({
      id: "dlv_1",
      reason: "NEW_REQUEST",
      request: {
        id: "req_1",
        kind: "ORDER",
        child: "Henry",
        title: message.title,
        body: message.body,
        expiresAt: message.expiresAt.toISOString(),
      },
      links: message.links,
    });
    expect(String(hit.headers["x-lunchbox-signature"])).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(Math.abs(Number(hit.headers["x-lunchbox-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    expect(verify(hit.headers, hit.body)).toBe(true);

    const tampered = Buffer.from(hit.body.toString().replace("Henry", "Henri"));
    expect(verify(hit.headers, tampered)).toBe(false);
    expect(verify({ ...hit.headers, "x-lunchbox-timestamp": "1" }, hit.body)).toBe(false);
  });

  it("posts Slack's incoming-webhook shape with open, approve and deny buttons, unsigned", async () => {
    receiver = await startReceiver(() => ({ status: 200 }));
    const message = outgoingMessage({ title: "Henry asks for <Fish & Chips>" });
    await sendWebhook({ url: receiver.url, format: "slack", secret }, message);

    const [hit] = receiver.received;
    if (!hit) throw new Error("nothing arrived");
    expect(hit.headers["x-lunchbox-signature"]).toBeUndefined();
    const body = JSON.parse(hit.body.toString());
    expect(body.text).toContain("Henry asks for <Fish & Chips>");
    expect(body.blocks[0]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: `*Henry asks for &lt;Fish &amp; Chips&gt;*\n${message.body}` },
    });
    const actions = body.blocks.find((block: { type: string }) => block.type === "actions");
    expect(actions.elements.map((b: { text: { text: string }; url: string }) => [b.text.text, b.url])).toEqual([
      ["Open", message.links.open],
      ["Approve…", message.links.approve],
      ["Deny…", message.links.deny],
    ]);
  });

  it("offers only a reply button for a question", async () => {
    receiver = await startReceiver(() => ({ status: 200 }));
    const message = outgoingMessage({ requestKind: "QUESTION", links: { open: "http://127.0.0.1:3000/decide/o" } });
    await sendWebhook({ url: receiver.url, format: "slack", secret }, message);
    const body = JSON.parse(receiver.received[0]?.body.toString() ?? "{}");
    const actions = body.blocks.find((block: { type: string }) => block.type === "actions");
    expect(actions.elements.map((b: { text: { text: string } }) => b.text.text)).toEqual(["Reply"]);
  });

  it("a 500 is worth retrying", async () => {
    receiver = await startReceiver(() => ({ status: 500 }));
    const error = await failureOf(sendWebhook({ url: receiver.url, format: "json", secret }, outgoingMessage()));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain("500");
  });

  it("a receiver slower than the timeout is worth retrying", async () => {
    receiver = await startReceiver(() => ({ status: 200, delayMs: 5_000 }));
    const send = createWebhookSender({ timeoutMs: 200 });
    const error = await failureOf(send({ url: receiver.url, format: "json", secret }, outgoingMessage()));
    expect(error.permanent).toBe(false);
    expect(error.message).toMatch(/did not answer within/);
  });

  it("a 404 is permanent; 408 and 429 are not", async () => {
    let status = 404;
    receiver = await startReceiver(() => ({ status }));
    const config: WebhookConfig = { url: receiver.url, format: "json", secret };
    expect((await failureOf(sendWebhook(config, outgoingMessage()))).permanent).toBe(true);
    status = 429;
    expect((await failureOf(sendWebhook(config, outgoingMessage()))).permanent).toBe(false);
    status = 408;
    expect((await failureOf(sendWebhook(config, outgoingMessage()))).permanent).toBe(false);
  });

  it("a refused connection is worth retrying", async () => {
    receiver = await startReceiver(() => ({ status: 200 }));
    const url = receiver.url;
    await receiver.close();
    receiver = undefined;
    const error = await failureOf(sendWebhook({ url, format: "json", secret }, outgoingMessage()));
    expect(error.permanent).toBe(false);
    expect(error.message).toMatch(/could not be reached/);
  });
});
