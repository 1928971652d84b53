import "server-only";
import type { LineItem } from "@/lib/ai/tools/contracts";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { explainReasons, type Reason } from "@/lib/policy";
import { type Snapshot, snapshotRestaurant } from "./snapshot";

export type InboxItem = {
  id: string;
  kind: Snapshot["kind"];
  status: string;
  childName: string;
  /** Null for a question. */
  restaurantName: string | null;
  /** The child's question, for kind QUESTION. */
  question: string | null;
  items: LineItem[];
  totalCents: number;
  reasons: string[];
  childWords: string;
  createdAt: Date;
  expiresAt: Date;
  decidedByName: string | null;
  decidedAt: Date | null;
  note: string | null;
  scope: string | null;
};

const select = {
  id: true,
  kind: true,
  status: true,
  snapshot: true,
  reasons: true,
  childWords: true,
  createdAt: true,
  expiresAt: true,
  decidedAt: true,
  note: true,
  decisionScope: true,
  child: { select: { name: true } },
  decidedBy: { select: { name: true } },
} satisfies Prisma.ApprovalRequestSelect;

type Row = Prisma.ApprovalRequestGetPayload<{ select: typeof select }>;

/** Card fields come from stored rows and rule reasons only: never from model text. */
function toInboxItem(row: Row): InboxItem {
  const snapshot = row.snapshot as unknown as Snapshot;
  return {
    id: row.id,
    kind: snapshot.kind,
    status: row.status,
    childName: row.child.name,
    restaurantName: snapshotRestaurant(snapshot)?.name ?? null,
    question: snapshot.kind === "QUESTION" ? snapshot.question : null,
    items: snapshot.kind === "ORDER" ? snapshot.items : [],
    totalCents: snapshot.kind === "ORDER" ? snapshot.totalCents : 0,
    reasons: explainReasons(row.reasons as unknown as Reason[]),
    childWords: row.childWords,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    decidedByName: row.decidedBy?.name ?? null,
    decidedAt: row.decidedAt,
    note: row.note,
    scope: row.decisionScope,
  };
}

/** Pending requests (oldest first, they have waited longest) and the latest decided ones. */
export async function getInbox({ familyId, decidedLimit = 20 }: { familyId: string; decidedLimit?: number }) {
  const [pending, decided] = await Promise.all([
    db.approvalRequest.findMany({
      where: { familyId, status: "PENDING" },
      orderBy: { createdAt: "asc" },
      take: 200,
      select,
    }),
    db.approvalRequest.findMany({
      where: { familyId, status: { not: "PENDING" } },
      orderBy: { decidedAt: "desc" },
      take: decidedLimit,
      select,
    }),
  ]);
  return { pending: pending.map(toInboxItem), decided: decided.map(toInboxItem) };
}

export async function countPendingForFamily({ familyId }: { familyId: string }): Promise<number> {
  return db.approvalRequest.count({ where: { familyId, status: "PENDING" } });
}
