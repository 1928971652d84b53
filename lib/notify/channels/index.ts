import "server-only";
import type { z } from "zod";
import {
  type ChannelKind,
  type ChannelSender,
  DeliveryError,
  emailConfigSchema,
  type OutgoingMessage,
  pushConfigSchema,
  webhookConfigSchema,
} from "../types";
import { sendEmail } from "./email";
import { sendPush } from "./push";
import { sendWebhook } from "./webhook";

/** A sender that checks the stored channel config first; bad config can never succeed, so it fails at once. */
export type StoredChannelSender = (config: unknown, message: OutgoingMessage) => Promise<void>;

function withConfig<Config>(schema: z.ZodType<Config>, send: ChannelSender<Config>): StoredChannelSender {
  return (config, message) => {
    const parsed = schema.safeParse(config);
    if (!parsed.success) {
      return Promise.reject(new DeliveryError("The channel's settings are not valid: set it up again.", true));
    }
    return send(parsed.data, message);
  };
}

export type SenderRegistry = Partial<Record<ChannelKind, StoredChannelSender>>;

/** Channel kind → sender. A delivery whose kind has none fails with "channel not available". */
export const senders: SenderRegistry = {
  EMAIL: withConfig(emailConfigSchema, sendEmail),
  WEBHOOK: withConfig(webhookConfigSchema, sendWebhook),
  PUSH: withConfig(pushConfigSchema, sendPush),
};
