import "server-only";
import { randomBytes } from "node:crypto";
import { appendAudit } from "@/lib/audit/append";
import type { Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/family/validate";
import { type ChannelKind, pushConfigSchema } from "@/lib/notify/types";
import {
  emailInputSchema,
  pushSubscriptionSchema,
  pushUnsubscribeSchema,
  webhookInputSchema,
  webhookLabel,
} from "./schemas";

// A parent's own channels. Every query is scoped by the parent and the family; every change is audited.

const MAX_CHANNELS_PER_KIND = 10;

export async function listChannels({ parentId, familyId }: { parentId: string; familyId: string }) {
  const rows = await db.notificationChannel.findMany({
    where: { parentId, familyId },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, label: true, enabled: true, disabledReason: true, createdAt: true, config: true },
  });
  // The page needs a push channel's endpoint (to know "this browser"), never a webhook's secret or URL path.
  return rows.map(({ config, ...row }) => {
    const push = row.kind === "PUSH" ? pushConfigSchema.safeParse(config) : undefined;
    return { ...row, kind: row.kind as ChannelKind, endpoint: push?.success ? push.data.endpoint : null };
  });
}
export type ChannelRow = Awaited<ReturnType<typeof listChannels>>[number];

async function audit(tx: Tx, actor: Actor, action: string, channel: { id: string; kind: string; label: string }) {
  await appendAudit(tx, {
    familyId: actor.familyId,
    actor: { id: actor.id, role: "PARENT" },
    action,
    subjectType: "NotificationChannel",
    subjectId: channel.id,
    data: { kind: channel.kind, label: channel.label },
  });
}

async function assertRoom(tx: Tx, actor: Actor, kind: ChannelKind) {
  const count = await tx.notificationChannel.count({ where: { parentId: actor.id, kind } });
  if (count >= MAX_CHANNELS_PER_KIND) {
    throw new AppError("bad_request:channel", `You already have ${MAX_CHANNELS_PER_KIND} of these; remove one first.`);
  }
}

async function createChannel(actor: Actor, kind: ChannelKind, label: string, config: object) {
  return db.$transaction(async (tx) => {
    await assertRoom(tx, actor, kind);
    const channel = await tx.notificationChannel.create({
      data: { familyId: actor.familyId, parentId: actor.id, kind, label, config },
      select: { id: true, kind: true, label: true },
    });
    await audit(tx, actor, "notify.channel_added", channel);
    return channel;
  });
}

export async function addEmailChannel(actor: Actor, input: { address: string }) {
  const { address } = parseInput(emailInputSchema, input);
  return createChannel(actor, "EMAIL", address, { address });
}

/** The secret signs the JSON body; it is returned here once to be shown once, and never listed again. */
export async function addWebhookChannel(actor: Actor, input: { url: string; format: string }) {
  const { url, format } = parseInput(webhookInputSchema, input);
  const secret = randomBytes(32).toString("base64url");
  const channel = await createChannel(actor, "WEBHOOK", webhookLabel(url, format), { url, format, secret });
  return { ...channel, secret };
}

/** Removes one of the signed-in parent's channels; someone else's is "not found", as if it did not exist. */
export async function removeChannel(actor: Actor, channelId: string) {
  return db.$transaction(async (tx) => {
    const channel = await tx.notificationChannel.findFirst({
      where: { id: channelId, parentId: actor.id, familyId: actor.familyId },
      select: { id: true, kind: true, label: true },
    });
    if (!channel) throw new AppError("not_found:channel", "That channel no longer exists.");
    await tx.notificationChannel.delete({ where: { id: channel.id } });
    await audit(tx, actor, "notify.channel_removed", channel);
    return channel;
  });
}

async function pushChannelOf(tx: Tx, actor: Actor, endpoint: string) {
  const rows = await tx.notificationChannel.findMany({
    where: { parentId: actor.id, familyId: actor.familyId, kind: "PUSH" },
    select: { id: true, kind: true, label: true, config: true },
  });
  // Json columns cannot be filtered the same way on SQLite and PostgreSQL; a parent has a handful of these.
  return rows.find((row) => pushConfigSchema.safeParse(row.config).data?.endpoint === endpoint);
}

/**
 * This browser's subscription as a PUSH channel, one per endpoint: subscribing again (new keys, or after the
 * push service said 410) updates the row and switches it back on.
 */
export async function savePushSubscription(actor: Actor, raw: unknown) {
  const parsed = pushSubscriptionSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request:push", "That is not a push subscription.");
  const { endpoint, keys, label = "A browser" } = parsed.data;
  return db.$transaction(async (tx) => {
    const existing = await pushChannelOf(tx, actor, endpoint);
    if (existing) {
      await tx.notificationChannel.update({
        where: { id: existing.id },
        data: { config: { endpoint, keys }, label, enabled: true, disabledReason: null },
      });
      return { id: existing.id, created: false };
    }
    const channel = await (async () => {
      await assertRoom(tx, actor, "PUSH");
      return tx.notificationChannel.create({
        data: { familyId: actor.familyId, parentId: actor.id, kind: "PUSH", label, config: { endpoint, keys } },
        select: { id: true, kind: true, label: true },
      });
    })();
    await audit(tx, actor, "notify.channel_added", channel);
    return { id: channel.id, created: true };
  });
}

export async function removePushSubscription(actor: Actor, raw: unknown) {
  const parsed = pushUnsubscribeSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request:push", "Say which subscription to remove.");
  return db.$transaction(async (tx) => {
    const channel = await pushChannelOf(tx, actor, parsed.data.endpoint);
    if (!channel) throw new AppError("not_found:channel", "That subscription is not registered.");
    await tx.notificationChannel.delete({ where: { id: channel.id } });
    await audit(tx, actor, "notify.channel_removed", channel);
    return { id: channel.id };
  });
}
