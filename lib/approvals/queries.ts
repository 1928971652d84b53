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
import { PENDING_PAGE_SIZE, type PendingCursor } from "./pending-pages";
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
  /** The restaurant's id (null for a question): a pending order's edit picks from its menu (PendingPage.menus). */
  restaurantId: string | null;
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
function toInboxItem(row: Row, storedChanges?: string[], standing: BudgetStanding | null = null): InboxItem {
  const snapshot = row.snapshot as unknown as Snapshot;
  const reasons = row.reasons as unknown as Reason[];
  const edited = row.parentEdit && snapshot.kind === "ORDER" ? (row.parentEdit as unknown as OrderSnapshot) : null;
  return {
    id: row.id,
    kind: snapshot.kind,
    status: row.status,
    childName: row.child.name,
    restaurantId: snapshotRestaurant(snapshot)?.id ?? null,
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

export type PendingPage = {
  /** At most PENDING_PAGE_SIZE waiting requests, oldest first (they have waited longest and expire first). */
  items: InboxItem[];
  /** The current menus (cheapest first) of the page's orders' restaurants, once each: what an edit may pick from. */
  menus: Record<string, MenuChoice[]>;
  /** Every waiting request of the family, and the position of this page's first one among them (1-based). */
  total: number;
  start: number;
  /** The cursor that shows this page again: the one asked for, unless it named no request of the family or every
   * request from it on was decided (then the last page is shown, and this names it). */
  cursor: PendingCursor;
  previous: PendingCursor | null;
  next: PendingCursor | null;
};

type Key = { createdAt: Date; id: string };
const waiting = (familyId: string) => ({ familyId, status: "PENDING" });
const ASC = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.ApprovalRequestOrderByWithRelationInput[];
const DESC = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.ApprovalRequestOrderByWithRelationInput[];
// A range on createdAt that the (familyId, status, createdAt, id) index serves, then the tie-break on id.
const fromKey = (k: Key) => ({
  createdAt: { gte: k.createdAt },
  OR: [{ createdAt: { gt: k.createdAt } }, { id: { gte: k.id } }],
});
const beforeKey = (k: Key) => ({
  createdAt: { lte: k.createdAt },
  OR: [{ createdAt: { lt: k.createdAt } }, { id: { lt: k.id } }],
});

/**
 * One page of the family's waiting requests (keyset on createdAt, id), with cursors to the pages either side.
 * Reads PENDING_PAGE_SIZE + 1 rows (the extra one starts the next page), counts those before the page (an index-only
 * count, for the "21–40 of 200" line), and only when that is more than a page reads their ids for the previous
 * page's start. The previous page of one that is
 * less than a page from the start is the first page, so the first page is always full.
 */
export async function getPendingPage({
  familyId,
  cursor = {},
}: {
  familyId: string;
  cursor?: PendingCursor;
}): Promise<PendingPage> {
  const anchor = cursor.from
    ? await db.approvalRequest.findFirst({
        where: { id: cursor.from, familyId },
        select: { id: true, createdAt: true },
      })
    : null;
  let rows = await db.approvalRequest.findMany({
    where: { ...waiting(familyId), ...(anchor ? fromKey(anchor) : {}) },
    orderBy: ASC,
    take: PENDING_PAGE_SIZE + 1,
    select,
  });
  const fellBack = rows.length === 0 && anchor !== null;
  if (fellBack) {
    // Every request from here on was decided (the last card of the last page, say): the last page left instead.
    const last = await db.approvalRequest.findMany({
      where: waiting(familyId),
      orderBy: DESC,
      take: PENDING_PAGE_SIZE,
      select,
    });
    rows = last.reverse();
  }
  const page = rows.slice(0, PENDING_PAGE_SIZE);
  const first = page[0];
  const [total, earlier] = await Promise.all([
    db.approvalRequest.count({ where: waiting(familyId) }),
    first ? db.approvalRequest.count({ where: { ...waiting(familyId), ...beforeKey(first) } }) : 0,
  ]);
  let previous: PendingCursor | null = earlier > 0 ? {} : null;
  if (first && earlier > PENDING_PAGE_SIZE) {
    const before = await db.approvalRequest.findMany({
      where: { ...waiting(familyId), ...beforeKey(first) },
      orderBy: DESC,
      take: PENDING_PAGE_SIZE,
      select: { id: true },
    });
    previous = { from: before.at(-1)?.id };
  }
  const nextRow = rows[PENDING_PAGE_SIZE];
  const [menus, standings, notifications] = await Promise.all([
    getMenus(familyId, page),
    getBudgetStandings(familyId, page),
    getNotificationLines({ familyId, requestIds: page.map((r) => r.id) }),
  ]);
  const items = page.map((row) => ({
    ...toInboxItem(row, undefined, row.kind === "ORDER" ? (standings.get(row.childId) ?? null) : null),
    notifications: notifications.get(row.id) ?? [],
  }));
  return {
    items,
    menus: Object.fromEntries(menus),
    total,
    start: first ? earlier + 1 : 0,
    cursor: fellBack ? (first && earlier > 0 ? { from: first.id } : {}) : anchor ? { from: anchor.id } : {},
    previous,
    next: nextRow ? { from: nextRow.id } : null,
  };
}

/** The latest decided requests (approved, denied, answered, expired, cancelled), newest first. */
export async function getDecidedRequests({ familyId, limit = 20 }: { familyId: string; limit?: number }) {
  const rows = await db.approvalRequest.findMany({
    where: { familyId, status: { not: "PENDING" } },
    orderBy: { decidedAt: "desc" },
    take: limit,
    select,
  });
  const [changes, notifications] = await Promise.all([
    getStoredChanges({ familyId, requestIds: rows.filter((r) => r.parentEdit !== null).map((r) => r.id) }),
    getNotificationLines({ familyId, requestIds: rows.map((r) => r.id) }),
  ]);
  return rows.map((row) => ({
    ...toInboxItem(row, changes.get(row.id)),
    notifications: notifications.get(row.id) ?? [],
  }));
}

/** The first page of waiting requests and the latest decided ones: what /inbox shows without a cursor. */
export async function getInbox({ familyId, decidedLimit = 20 }: { familyId: string; decidedLimit?: number }) {
  const [pending, decided] = await Promise.all([
    getPendingPage({ familyId }),
    getDecidedRequests({ familyId, limit: decidedLimit }),
  ]);
  return { pending: pending.items, menus: pending.menus, decided };
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
  return toInboxItem(row, changes.get(row.id), standings.get(row.childId) ?? null);
}
