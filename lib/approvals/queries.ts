import "server-only";
import type { LineItem } from "@/lib/ai/tools/contracts";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getNotificationLines } from "@/lib/notify/queries";
import type { NotificationLine } from "@/lib/notify/summary";
import { getSpending } from "@/lib/orders/spending";
import { budgetOf, type DecisionScope, explainReasons, type Reason } from "@/lib/policy";
import { describeSnapshotChanges } from "./changes";
import { isDecisionScope, offeredScopes } from "./scope";
import { type OrderSnapshot, type Snapshot, snapshotRestaurant } from "./snapshot";
import { getStoredChanges } from "./stored-changes";

export type MenuChoice = { id: string; name: string; priceCents: number };

export type InboxItem = {
  id: string;
  kind: Snapshot["kind"];
  status: string;
  childName: string;
  /** Null for a question. */
  restaurantName: string | null;
  /** The question put to the parents, for kind QUESTION. */
  question: string | null;
  /** What the child proposed (never overwritten by an edit). */
  items: LineItem[];
  totalCents: number;
  reasons: string[];
  childWords: string;
  createdAt: Date;
  expiresAt: Date;
  decidedByName: string | null;
  decidedAt: Date | null;
  /** The parent's note, or the answer to a question. */
  note: string | null;
  scope: DecisionScope | null;
  /** The "allow" choices a parent has when approving this request (empty for a question). */
  scopes: DecisionScope[];
  /** A pending order's restaurant menu as it is now, cheapest first: what an edit may pick from. */
  menu: MenuChoice[];
  /** The order as a parent edited it before approving, with the changes in words. */
  edit: { items: LineItem[]; totalCents: number; changes: string[] } | null;
  /**
   * For a pending order of a child with a budget: what the child has spent now, as the parent decides
   * (the request's reasons were judged when it was made, and other orders may have come since).
   */
  standing: BudgetStanding | null;
  /** Who was notified when, besides the inbox: "Emailed Jane 18:04", "Push to Joe failed (3 tries)". */
  notifications: NotificationLine[];
};

export type BudgetStanding = {
  spentTodayCents: number;
  spentWeekCents: number;
  dailyCents: number | null;
  weeklyCents: number | null;
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
  parentEdit: true,
  childId: true,
  child: { select: { name: true } },
  decidedBy: { select: { name: true } },
} satisfies Prisma.ApprovalRequestSelect;

type Row = Prisma.ApprovalRequestGetPayload<{ select: typeof select }>;

/** Card fields come from stored rows and rule reasons only: never from model text (a question is labelled as such). */
function toInboxItem(
  row: Row,
  menu: MenuChoice[] = [],
  storedChanges?: string[],
  standing: BudgetStanding | null = null,
): InboxItem {
  const snapshot = row.snapshot as unknown as Snapshot;
  const reasons = row.reasons as unknown as Reason[];
  const edited = row.parentEdit && snapshot.kind === "ORDER" ? (row.parentEdit as unknown as OrderSnapshot) : null;
  return {
    id: row.id,
    kind: snapshot.kind,
    status: row.status,
    childName: row.child.name,
    restaurantName: snapshotRestaurant(snapshot)?.name ?? null,
    question: snapshot.kind === "QUESTION" ? snapshot.question : null,
    items: snapshot.kind === "ORDER" ? snapshot.items : [],
    totalCents: snapshot.kind === "ORDER" ? snapshot.totalCents : 0,
    reasons: explainReasons(reasons),
    childWords: row.childWords,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    decidedByName: row.decidedBy?.name ?? null,
    decidedAt: row.decidedAt,
    note: row.note,
    scope: isDecisionScope(row.decisionScope) ? row.decisionScope : null,
    scopes: offeredScopes(snapshot.kind, reasons),
    menu,
    edit:
      edited && snapshot.kind === "ORDER"
        ? {
            items: edited.items,
            totalCents: edited.totalCents,
            changes: storedChanges ?? describeSnapshotChanges(snapshot, edited),
          }
        : null,
    standing,
    notifications: [],
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
  const [menus, changes, standings, notifications] = await Promise.all([
    getMenus(familyId, pending),
    getStoredChanges({ familyId, requestIds: decided.filter((r) => r.parentEdit !== null).map((r) => r.id) }),
    getBudgetStandings(familyId, pending),
    getNotificationLines({ familyId, requestIds: [...pending, ...decided].map((r) => r.id) }),
  ]);
  const withLines = (item: InboxItem): InboxItem => ({ ...item, notifications: notifications.get(item.id) ?? [] });
  return {
    pending: pending.map((row) => {
      const restaurant = snapshotRestaurant(row.snapshot as unknown as Snapshot);
      const menu = row.kind === "ORDER" && restaurant ? (menus.get(restaurant.id) ?? []) : [];
      return withLines(
        toInboxItem(row, menu, undefined, row.kind === "ORDER" ? (standings.get(row.childId) ?? null) : null),
      );
    }),
    decided: decided.map((row) => withLines(toInboxItem(row, [], changes.get(row.id)))),
  };
}

/** The current menus of the restaurants of pending orders, in one query. */
async function getMenus(familyId: string, rows: Row[]): Promise<Map<string, MenuChoice[]>> {
  const restaurantIds = [
    ...new Set(
      rows.flatMap((row) => {
        const snapshot = row.snapshot as unknown as Snapshot;
        return snapshot.kind === "ORDER" ? [snapshot.restaurant.id] : [];
      }),
    ),
  ];
  const menus = new Map<string, MenuChoice[]>();
  if (restaurantIds.length === 0) return menus;
  const dishes = await db.dish.findMany({
    where: { familyId, restaurantId: { in: restaurantIds }, archived: false, restaurant: { archived: false } },
    orderBy: [{ priceCents: "asc" }, { name: "asc" }],
    select: { id: true, name: true, priceCents: true, restaurantId: true },
  });
  for (const { restaurantId, ...dish } of dishes) menus.set(restaurantId, [...(menus.get(restaurantId) ?? []), dish]);
  return menus;
}

export async function countPendingForFamily({ familyId }: { familyId: string }): Promise<number> {
  return db.approvalRequest.count({ where: { familyId, status: "PENDING" } });
}

/** Today's and this week's spending of each child with a budget who has a pending order. */
async function getBudgetStandings(familyId: string, rows: Row[]): Promise<Map<string, BudgetStanding>> {
  const childIds = [...new Set(rows.filter((r) => r.kind === "ORDER").map((r) => r.childId))];
  const standings = new Map<string, BudgetStanding>();
  if (childIds.length === 0) return standings;
  const rules = await getFamilyRules({ familyId });
  for (const childId of childIds) {
    const budget = budgetOf(rules, childId);
    if (budget.dailyCents === null && budget.weeklyCents === null) continue;
    const spending = await getSpending({ childId, timeZone: rules.timeZone });
    standings.set(childId, { spentTodayCents: spending.todayCents, spentWeekCents: spending.weekCents, ...budget });
  }
  return standings;
}

/** One request of the family as an inbox card shows it (no editing menu), or null when it is not the family's. */
export async function getRequestItem({
  familyId,
  requestId,
}: {
  familyId: string;
  requestId: string;
}): Promise<InboxItem | null> {
  const row = await db.approvalRequest.findFirst({ where: { id: requestId, familyId }, select });
  if (!row) return null;
  const pending = row.status === "PENDING" && row.kind === "ORDER";
  const [changes, standings] = await Promise.all([
    row.parentEdit === null ? new Map<string, string[]>() : getStoredChanges({ familyId, requestIds: [row.id] }),
    pending ? getBudgetStandings(familyId, [row]) : new Map<string, BudgetStanding>(),
  ]);
  return toInboxItem(row, [], changes.get(row.id), standings.get(row.childId) ?? null);
}
