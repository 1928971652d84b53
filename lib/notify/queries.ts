import "server-only";
import { db } from "@/lib/db";
import { describeDelivery, type NotificationLine } from "./summary";

/** The notification lines of each request, oldest first, in the family's time; cancelled ones left out. */
export async function getNotificationLines({
  familyId,
  requestIds,
  now = new Date(),
}: {
  familyId: string;
  requestIds: string[];
  now?: Date;
}): Promise<Map<string, NotificationLine[]>> {
  const lines = new Map<string, NotificationLine[]>();
  if (requestIds.length === 0) return lines;
  const [deliveries, rules] = await Promise.all([
    db.notificationDelivery.findMany({
      where: { familyId, requestId: { in: requestIds }, status: { not: "CANCELLED" } },
      orderBy: [{ createdAt: "asc" }, { parent: { name: "asc" } }, { id: "asc" }],
      take: 1000,
      select: {
        id: true,
        requestId: true,
        reason: true,
        status: true,
        attempts: true,
        dueAt: true,
        sentAt: true,
        parent: { select: { name: true } },
        channel: { select: { kind: true, label: true } },
      },
    }),
    db.rules.findFirst({ where: { familyId }, orderBy: { version: "desc" }, select: { timeZone: true } }),
  ]);
  for (const d of deliveries) {
    const line = describeDelivery(
      { ...d, kind: d.channel.kind, label: d.channel.label, parentName: d.parent.name },
      now,
      rules?.timeZone ?? "UTC",
    );
    if (line) lines.set(d.requestId, [...(lines.get(d.requestId) ?? []), line]);
  }
  return lines;
}
