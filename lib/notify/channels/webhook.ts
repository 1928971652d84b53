import "server-only";
import { createHmac } from "node:crypto";
import { type ChannelSender, DeliveryError, type OutgoingMessage, type WebhookConfig } from "@/lib/notify/types";

// A webhook: Slack's incoming-webhook body, or our own JSON signed with the channel's secret so the receiver can
// tell it came from us and was not changed (README, "Verifying a webhook").

const DEFAULT_TIMEOUT_MS = 5_000;

/** The Slack incoming-webhook body: `text` for notifications and old clients, `blocks` for the message itself. */
export function slackBody(message: OutgoingMessage) {
  const buttons = [
    { text: message.requestKind === "QUESTION" ? "Reply" : "Open", url: message.links.open },
    ...(message.links.approve ? [{ text: "Approve…", url: message.links.approve, style: "primary" }] : []),
    ...(message.links.deny ? [{ text: "Deny…", url: message.links.deny, style: "danger" }] : []),
  ];
  return {
    text: `${message.title}: ${message.body}`,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `*${escapeSlack(message.title)}*\n${escapeSlack(message.body)}` },
      },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `Expires ${message.expiresAt.toISOString()}` }],
      },
      {
        type: "actions",
        elements: buttons.map(({ text, url, style }) => ({
          type: "button",
          text: { type: "plain_text", text },
          url,
          ...(style ? { style } : {}),
        })),
      },
    ],
  };
}

/** Our own body; `id` is the delivery id, so a receiver can drop the repeat of a retried delivery. */
export function jsonBody(message: OutgoingMessage) {
  return {
    id: message.deliveryId,
    reason: message.reason,
    request: {
      id: message.requestId,
      kind: message.requestKind,
      child: message.childName,
      title: message.title,
      body: message.body,
      expiresAt: message.expiresAt.toISOString(),
    },
    links: message.links,
  };
}

/** `sha256=<hex>` of "<timestamp>.<body>": the timestamp is signed too, so an old body cannot be replayed as new. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

// Slack's control characters in mrkdwn; a child's name or a dish must not turn into a link or a mention.
function escapeSlack(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export function createWebhookSender({ timeoutMs = DEFAULT_TIMEOUT_MS } = {}): ChannelSender<WebhookConfig> {
  return async (config, message) => {
    const body = JSON.stringify(config.format === "slack" ? slackBody(message) : jsonBody(message));
    const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Lunchbox-Webhook/1" };
    if (config.format === "json") {
      const timestamp = String(Math.floor(Date.now() / 1000));
      headers["x-lunchbox-timestamp"] = timestamp;
      headers["x-lunchbox-signature"] = signWebhook(config.secret, timestamp, body);
    }
    let response: Response;
    try {
      response = await fetch(config.url, {
        method: "POST",
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      throw new DeliveryError(
        timedOut
          ? `The webhook did not answer within ${timeoutMs / 1000} s.`
          : `The webhook could not be reached: ${reason(error)}.`,
      );
    }
    // The body is not needed; reading it frees the connection.
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return;
    const status = `The webhook answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`;
    // 408 (timeout) and 429 (slow down) may pass; other 4xx say the URL or the body is wrong and will stay wrong.
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new DeliveryError(status, !retryable);
  };
}

function reason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

export const sendWebhook: ChannelSender<WebhookConfig> = createWebhookSender();
