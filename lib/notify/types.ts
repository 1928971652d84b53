import { z } from "zod";

// The contract between the notification outbox (who is told what, when, with retries) and the channels (how a
// message leaves the app). A channel sender either resolves (delivered) or throws a DeliveryError.

export const CHANNEL_KINDS = ["EMAIL", "WEBHOOK", "PUSH"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const NOTIFICATION_REASONS = ["NEW_REQUEST", "ESCALATION", "EXPIRY_WARNING"] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

export const emailConfigSchema = z.object({ address: z.email().max(254) });
export const webhookConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  /** slack: an incoming-webhook body `{ text, blocks }`; json: our own body, signed with `secret`. */
  format: z.enum(["slack", "json"]),
  secret: z.string().min(16).max(200),
});
export const pushConfigSchema = z.object({
  endpoint: z.url({ protocol: /^https$|^http$/ }).max(2000),
  keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
});
export type EmailConfig = z.infer<typeof emailConfigSchema>;
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;
export type PushConfig = z.infer<typeof pushConfigSchema>;

/** One message for one parent about one request, already in plain words. */
export type OutgoingMessage = {
  /** The NotificationDelivery id: receivers can use it to drop a duplicate after a retry. */
  deliveryId: string;
  reason: NotificationReason;
  requestId: string;
  requestKind: "ORDER" | "RESTAURANT_ACCESS" | "QUESTION";
  childName: string;
  /** e.g. "Henry asks for Deluxe Burger ($12.99)". */
  title: string;
  /** Who asks for what and why approval is needed (the rules that fired), one or more plain sentences. */
  body: string;
  /** Absolute one-tap links (lib/decision-links): open shows the request; approve/deny open the confirm screen. */
  links: { open: string; approve?: string; deny?: string };
  expiresAt: Date;
};

/**
 * Thrown by a sender. `permanent`: retrying cannot help (a push subscription answering 404/410, a rejected
 * address); the delivery is marked FAILED at once, and `disableChannel` also switches the channel off.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
    readonly disableChannel = false,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

export type ChannelSender<Config> = (config: Config, message: OutgoingMessage) => Promise<void>;

/**
 * The JSON a push notification carries; public/sw.js reads it. Approve/Deny actions open the confirm screen at
 * their url (a GET never decides). No actions for questions: a reply needs the page.
 */
export type PushPayload = {
  title: string;
  body: string;
  tag: string;
  url: string;
  actions?: Array<{ action: "approve" | "deny"; title: string; url: string }>;
};
