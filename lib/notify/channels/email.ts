import "server-only";
import nodemailer from "nodemailer";
import { getEnv } from "@/lib/env";
import { type ChannelSender, DeliveryError, type EmailConfig } from "../types";
import { emailHtml, emailText } from "./email-body";

// Timeouts keep a server that accepts the connection and then hangs from holding the worker.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** Sends one notification by SMTP (`SMTP_URL`, `MAIL_FROM`). 5xx replies fail at once; the rest are retried. */
export const sendEmail: ChannelSender<EmailConfig> = async (config, message) => {
  const env = getEnv();
  if (!env.SMTP_URL) throw new DeliveryError("Email is not configured on this server (SMTP_URL is not set).", true);
  const transport = nodemailer.createTransport(env.SMTP_URL, TIMEOUTS);
  try {
    await transport.sendMail({
      from: env.MAIL_FROM,
      to: config.address,
      subject: message.title,
      text: emailText(message),
      html: emailHtml(message),
      // Lets a mail client or a receiver drop a duplicate after a retry.
      messageId: `<${message.deliveryId}@lunchbox.notifications>`,
      headers: { "X-Lunchbox-Delivery": message.deliveryId },
    });
  } catch (error) {
    throw toDeliveryError(error);
  } finally {
    transport.close();
  }
};

/** An SMTP reply code 5xx is a permanent refusal (bad address, policy); 4xx and network errors may pass later. */
export function toDeliveryError(error: unknown): DeliveryError {
  const info = error as { responseCode?: unknown; response?: unknown; message?: unknown };
  const code = typeof info.responseCode === "number" ? info.responseCode : null;
  const detail = String(info.response ?? info.message ?? error).slice(0, 300);
  if (code !== null && code >= 500) return new DeliveryError(`The mail server refused the message: ${detail}`, true);
  if (code !== null) return new DeliveryError(`The mail server asked to try later: ${detail}`);
  return new DeliveryError(`Could not reach the mail server: ${detail}`);
}
