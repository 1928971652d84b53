import "server-only";
import { db } from "@/lib/db";

/** The parent's last deliveries, newest first: what was sent where, and what went wrong. */
export async function getDeliveryLog({
  parentId,
  familyId,
  take = 20,
}: {
  parentId: string;
  familyId: string;
  take?: number;
}) {
  const rows = await db.notificationDelivery.findMany({
    where: { parentId, familyId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      reason: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      nextAttemptAt: true,
      channel: { select: { kind: true, label: true } },
      request: { select: { kind: true, child: { select: { name: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    reason: row.reason,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    nextAttemptAt: row.nextAttemptAt,
    channel: row.channel.label,
    channelKind: row.channel.kind,
    requestKind: row.request.kind,
    childName: row.request.child.name,
  }));
}
export type DeliveryRow = Awaited<ReturnType<typeof getDeliveryLog>>[number];
