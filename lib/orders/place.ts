import "server-only";
import type { OrderSnapshot } from "@/lib/approvals/snapshot";
import type { AuditActor } from "@/lib/audit/append";
import { appendAudit } from "@/lib/audit/append";
import type { Tx } from "@/lib/db";
import { writeEvent } from "@/lib/events/outbox";

type PlaceInput = {
  familyId: string;
  childId: string;
  chatId: string | null;
  snapshot: OrderSnapshot;
  actor: AuditActor;
  approvalRequestId?: string;
  /** A once-only grant this order spends. */
  onceGrantId?: string;
};

/** Places an order from a snapshot, inside the caller's transaction, with its audit row and event. */
export async function placeOrderFromSnapshot(tx: Tx, input: PlaceInput): Promise<{ orderId: string }> {
  const { snapshot } = input;
  const order = await tx.order.create({
    data: {
      familyId: input.familyId,
      childId: input.childId,
      restaurantId: snapshot.restaurant.id,
      chatId: input.chatId,
      items: snapshot.items,
      totalCents: snapshot.totalCents,
      approvalRequestId: input.approvalRequestId ?? null,
    },
    select: { id: true },
  });
  if (input.onceGrantId) {
    await tx.accessGrant.update({ where: { id: input.onceGrantId }, data: { usedAt: new Date() } });
  }
  await appendAudit(tx, {
    familyId: input.familyId,
    actor: input.actor,
    action: "order.placed",
    subjectType: "Order",
    subjectId: order.id,
    data: {
      childId: input.childId,
      restaurant: snapshot.restaurant.name,
      items: snapshot.items.map((i) => `${i.quantity}× ${i.name}`),
      totalCents: snapshot.totalCents,
      approvalRequestId: input.approvalRequestId ?? null,
    },
  });
  await writeEvent(tx, {
    familyId: input.familyId,
    childId: input.childId,
    type: "order.placed",
    data: { orderId: order.id, approvalRequestId: input.approvalRequestId ?? null },
  });
  return { orderId: order.id };
}
