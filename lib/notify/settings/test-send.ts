import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { senders } from "@/lib/notify/channels";
import { type ChannelKind, DeliveryError, type OutgoingMessage } from "@/lib/notify/types";

// "Send a test": straight through the channel's sender, not the outbox, so the parent sees the answer at once.

type TestSender = (config: unknown, message: OutgoingMessage) => Promise<void>;

/** The outbox's own senders, so a test goes out exactly as a real notification would. */
export const TEST_SENDERS: Partial<Record<ChannelKind, TestSender>> = senders;

export function testMessage(
  appUrl = process.env.APP_URL || "http://localhost:3000",
  now = new Date(),
): OutgoingMessage {
  return {
    deliveryId: `test-${randomBytes(8).toString("hex")}`,
    reason: "NEW_REQUEST",
    requestId: "test",
    requestKind: "QUESTION",
    childName: "Lunchbox",
    title: "Test from Lunchbox",
    body: "This channel works: requests that need a parent will arrive here.",
    links: { open: new URL("/family/notifications", appUrl).toString() },
    expiresAt: new Date(now.getTime() + 10 * 60_000),
  };
}

export type TestResult = { ok: boolean; message: string };

export async function sendTestMessage(
  actor: Actor,
  channelId: string,
  senders: Partial<Record<ChannelKind, TestSender>> = TEST_SENDERS,
): Promise<TestResult> {
  const channel = await db.notificationChannel.findFirst({
    where: { id: channelId, parentId: actor.id, familyId: actor.familyId },
    select: { id: true, kind: true, label: true, config: true },
  });
  if (!channel) throw new AppError("not_found:channel", "That channel no longer exists.");
  const send = senders[channel.kind as ChannelKind];
  if (!send) return { ok: false, message: `Test messages are not available for ${channel.label} yet.` };
  try {
    await send(channel.config, testMessage());
    return { ok: true, message: `Test sent to ${channel.label}.` };
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    // The same rule as the outbox: a subscription the push service says is gone is switched off.
    if (error.disableChannel) {
      await db.notificationChannel.update({
        where: { id: channel.id },
        data: { enabled: false, disabledReason: error.message },
      });
    }
    return { ok: false, message: `The test to ${channel.label} failed: ${error.message}` };
  }
}
