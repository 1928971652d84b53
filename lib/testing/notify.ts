// Helpers for notification integration tests. Imports `@/lib/db`: only import it from test files.
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";

// Decision links are signed with AUTH_SECRET; tests run without the app's generated one.
process.env.AUTH_SECRET ??= "integration-test-secret-for-decision-links";

/** Starts each test with no channels and no deliveries, and everyone told of every request. */
export async function resetNotifications(): Promise<void> {
  await db.notificationDelivery.deleteMany({});
  await db.notificationChannel.deleteMany({});
  await db.user.updateMany({ data: { notifyOn: "ALL", quietStart: null, quietEnd: null } });
}

export async function addEmailChannel(parent: Actor, address = `${parent.name.toLowerCase()}@mail.test`) {
  return db.notificationChannel.create({
    data: { familyId: parent.familyId, parentId: parent.id, kind: "EMAIL", label: "Email", config: { address } },
  });
}

/** Sets notification settings on the family's current rules (as the rules form would, in a new version). */
export async function setTimers(
  familyId: string,
  timers: { escalationMinutes?: number | null; expiryWarningMinutes?: number | null; expiryMinutes?: number },
) {
  const latest = await db.rules.findFirstOrThrow({ where: { familyId }, orderBy: { version: "desc" } });
  await db.rules.update({ where: { id: latest.id }, data: timers });
}

export function deliveriesOf(requestId: string) {
  return db.notificationDelivery.findMany({
    where: { requestId },
    orderBy: [{ reason: "asc" }, { createdAt: "asc" }],
    include: { parent: { select: { name: true } }, channel: { select: { kind: true } } },
  });
}
