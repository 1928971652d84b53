import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Description, describeEvent, type RequestFacts } from "./describe";
import { type ActivityFilter, actionsFor, activityWhere, type Cursor, PAGE_SIZE } from "./filters";

export type FamilyMember = { id: string; name: string; role: string; active: boolean };

/** Everyone who ever belonged to the family, removed children included, so old rows keep their names. */
export async function getFamilyMembers({ familyId }: { familyId: string }): Promise<FamilyMember[]> {
  return db.user.findMany({
    where: { familyId },
    select: { id: true, name: true, role: true, active: true },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
}

const ROW_SELECT = {
  id: true,
  seq: true,
  createdAt: true,
  actorId: true,
  actorRole: true,
  childId: true,
  action: true,
  subjectType: true,
  subjectId: true,
  data: true,
  hash: true,
} as const satisfies Prisma.AuditEventSelect;

type AuditRow = Prisma.AuditEventGetPayload<{ select: typeof ROW_SELECT }>;

export type ActivityRow = AuditRow & { description: Description };

/** The requests some rows are about, in one query, for the words their data does not hold (what was asked). */
async function requestsOf(familyId: string, rows: AuditRow[]): Promise<Map<string, RequestFacts>> {
  const ids = [
    ...new Set(rows.flatMap((r) => (r.subjectType === "ApprovalRequest" && r.subjectId ? [r.subjectId] : []))),
  ];
  if (ids.length === 0) return new Map();
  const requests = await db.approvalRequest.findMany({
    where: { familyId, id: { in: ids } },
    select: { id: true, kind: true, snapshot: true, note: true, reasons: true },
  });
  return new Map(requests.map((r) => [r.id, { kind: r.kind, snapshot: r.snapshot, note: r.note, reasons: r.reasons }]));
}

/** Rows with their sentences. `names` maps every family member's id to their name. */
export async function describeRows(
  familyId: string,
  rows: AuditRow[],
  names: ReadonlyMap<string, string>,
): Promise<ActivityRow[]> {
  const requests = await requestsOf(familyId, rows);
  return rows.map((row) => ({ ...row, description: describeEvent(row, { names, requests }) }));
}

/**
 * Matching rows nearest the cursor: newest first, or (with `after`) oldest first. A kind of several actions runs
 * one query per action and merges them, so each walks its own (familyId, action, seq) index: one OR-ed query
 * would walk the family's whole seq range looking for a rare action (a trail with few grants, say).
 */
async function findRows(familyId: string, filter: ActivityFilter, cursor: Cursor, take: number): Promise<AuditRow[]> {
  const newerFirst = cursor.after === undefined;
  const where = activityWhere(familyId, filter, cursor);
  const query = (action?: string) =>
    db.auditEvent.findMany({
      where: action ? { ...where, action } : where,
      orderBy: { seq: newerFirst ? "desc" : "asc" },
      take,
      select: ROW_SELECT,
    });
  const actions = actionsFor(filter);
  if (!actions || actions.length < 2) return query();
  const lists = await Promise.all(actions.map((action) => query(action)));
  return lists
    .flat()
    .sort((a, b) => (newerFirst ? b.seq - a.seq : a.seq - b.seq))
    .slice(0, take);
}

/** One chunk of matching rows, newest first, strictly older than `before` (keyset on seq). For the CSV. */
export function getAuditChunk({
  familyId,
  filter,
  before,
  take,
}: {
  familyId: string;
  filter: ActivityFilter;
  before?: number;
  take: number;
}): Promise<AuditRow[]> {
  return findRows(familyId, filter, before !== undefined ? { before } : {}, take);
}

export type ActivityPage = { rows: ActivityRow[]; older: Cursor | null; newer: Cursor | null };

/**
 * One page of the family's trail, newest first, and cursors to the pages either side (null when there is none).
 * Reads PAGE_SIZE + 1 rows to know whether more lie beyond, and one indexed probe for the other direction.
 */
export async function getActivityPage({
  familyId,
  filter,
  cursor,
  names,
}: {
  familyId: string;
  filter: ActivityFilter;
  cursor: Cursor;
  names: ReadonlyMap<string, string>;
}): Promise<ActivityPage> {
  const goingNewer = cursor.after !== undefined;
  const fetched = await findRows(familyId, filter, cursor, PAGE_SIZE + 1);
  const more = fetched.length > PAGE_SIZE;
  const page = fetched.slice(0, PAGE_SIZE);
  if (goingNewer) page.reverse();
  const newest = page[0];
  const oldest = page.at(-1);
  if (!newest || !oldest) return { rows: [], older: null, newer: null };

  // The direction we came from: does anything lie beyond this page's edge on that side? (The first page has no newer.)
  const probe =
    cursor.before === undefined && !goingNewer
      ? []
      : await findRows(familyId, filter, goingNewer ? { before: oldest.seq } : { after: newest.seq }, 1);
  const hasOlder = goingNewer ? probe.length > 0 : more;
  const hasNewer = goingNewer ? more : probe.length > 0;
  return {
    rows: await describeRows(familyId, page, names),
    older: hasOlder ? { before: oldest.seq } : null,
    newer: hasNewer ? { after: newest.seq } : null,
  };
}
