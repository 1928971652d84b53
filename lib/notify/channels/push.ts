import "server-only";
import type { Agent } from "node:https";
import webpush, { WebPushError } from "web-push";
import {
  type ChannelSender,
  DeliveryError,
  type OutgoingMessage,
  type PushConfig,
  type PushPayload,
} from "@/lib/notify/types";
import { getVapidKeys, type VapidKeys } from "@/lib/notify/vapid";

// Web push (RFC 8030/8291/8292) through the `web-push` package: the payload is encrypted for the subscription's
// keys and the request signed with the app's VAPID key. public/sw.js shows it.

const MAX_TTL_SECONDS = 4 * 7 * 24 * 3600;
const TIMEOUT_MS = 10_000;

/** What the service worker reads. Approve/Deny open the confirm screen (a GET never decides); none for questions. */
export function pushPayload(message: OutgoingMessage): PushPayload {
  const actions: NonNullable<PushPayload["actions"]> = [];
  if (message.requestKind !== "QUESTION") {
    if (message.links.approve) actions.push({ action: "approve", title: "Approve…", url: message.links.approve });
    if (message.links.deny) actions.push({ action: "deny", title: "Deny…", url: message.links.deny });
  }
  return {
    title: message.title,
    body: message.body,
    // One notification per request: an escalation or a warning replaces the earlier one instead of piling up.
    tag: `request-${message.requestId}`,
    url: message.links.open,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/** Seconds until the request expires: a notification that arrives later is of no use. */
export function pushTtl(expiresAt: Date, now = new Date()): number {
  const seconds = Math.floor((expiresAt.getTime() - now.getTime()) / 1000);
  return Math.min(MAX_TTL_SECONDS, Math.max(0, seconds));
}

export function createPushSender({
  agent,
  keys,
}: {
  agent?: Agent;
  keys?: () => VapidKeys;
} = {}): ChannelSender<PushConfig> {
  return async (config, message) => {
    const vapid = (keys ?? getVapidKeys)();
    try {
      await webpush.sendNotification(
        { endpoint: config.endpoint, keys: config.keys },
        JSON.stringify(pushPayload(message)),
        {
          vapidDetails: vapid,
          TTL: pushTtl(message.expiresAt),
          urgency: "high",
          contentEncoding: "aes128gcm",
          timeout: TIMEOUT_MS,
          ...(agent ? { agent } : {}),
        },
      );
    } catch (error) {
      throw toDeliveryError(error);
    }
  };
}

function toDeliveryError(error: unknown): DeliveryError {
  if (!(error instanceof WebPushError)) {
    const text = error instanceof Error ? error.message : String(error);
    return new DeliveryError(`The push service could not be reached: ${text}.`);
  }
  const status = error.statusCode;
  // 404/410: the browser unsubscribed or the subscription expired; it never comes back.
  if (status === 404 || status === 410) {
    return new DeliveryError(
      `The push subscription has expired (${status}); turn push on again in this browser.`,
      true,
      true,
    );
  }
  const retryable = status >= 500 || status === 429 || status === 408;
  return new DeliveryError(
    `The push service answered ${status}${error.body ? `: ${error.body.slice(0, 200)}` : ""}.`,
    !retryable,
  );
}

export const sendPush: ChannelSender<PushConfig> = createPushSender();
