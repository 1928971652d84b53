// The invariants of THREATS.md rows 13 and 14, read with plain SQL from the crash harness's database after a
// restart. Every count is a violation and must be 0. The same SQL runs on SQLite and PostgreSQL (e2e/db.ts); JSON
// columns come back as text and are looked into here, in TypeScript, not with either database's JSON functions.
import type { LineItem } from "../../lib/ai/tools/contracts";
import { GENESIS_HASH, hashAuditRow } from "../../lib/audit/hash";
import type { Sql } from "../db";
import { crashOnPostgres, withCrashDb } from "./crash-server";

export type CrashViolations = {
  approvedWithoutOrder: number;
  ordersWithoutApproval: number;
  premiumOrdersWithoutParent: number;
  duplicateOrders: number;
  /** Request ids a client was shown (200 or "pending" in the stream) that have no row. */
  lostRequests: string[];
  /** "Waiting" cards stored in the child's chats whose request has no row. */
  waitingCardsWithoutRow: string[];
  /** Requests without their request.created audit row, decisions without theirs, orders without order.placed. */
  unauditedChanges: number;
  /** A parent's decision told to the chat more than once. */
  outcomesToldTwice: number;
  /** The first audit row (family, seq) whose hash, link or seq does not hold, if any. */
  brokenChain: string | null;
};

export type CrashFigures = {
  requests: number;
  pending: number;
  approved: number;
  orders: number;
  waitingCards: number;
  /** Requests stored whose "waiting" reply never reached the chat (the crash came first). */
  requestsWithoutCard: number;
  auditRows: number;
};

const count = async (db: Sql, sql: string): Promise<number> => Number((await db.get<{ n: number }>(sql))?.n ?? 0);

/** A JSON column's text (both databases give it as text here). */
const json = <T>(text: string): T => JSON.parse(text) as T;

type Part = { type?: string; output?: { status?: string; requestId?: string } };

async function assistantParts(db: Sql): Promise<Part[]> {
  const rows = await db.all<{ parts: string }>(`SELECT "parts" FROM "Message" WHERE "role" = 'assistant'`);
  return rows.flatMap((row) => json<Part[]>(row.parts));
}

/** Request ids of the "waiting" cards (tool outputs with status "pending") stored in the chats. */
const waitingCards = (parts: Part[]): string[] =>
  parts.flatMap((part) =>
    part.type?.startsWith("tool-") && part.output?.status === "pending" && part.output.requestId
      ? [part.output.requestId]
      : [],
  );

const toldOutcomes = (parts: Part[]): string[] =>
  parts.flatMap((part) =>
    part.type === "tool-approvalOutcome" && part.output?.requestId ? [part.output.requestId] : [],
  );

/** Orders placed without a request although a dish costs more than the family's premium limit (newest rules). */
async function premiumOrdersWithoutParent(db: Sql): Promise<number> {
  const limits = new Map<string, number>();
  const rules = await db.all<{ familyId: string; premiumLimitCents: number }>(
    `SELECT "familyId", "premiumLimitCents" FROM "Rules" ORDER BY "version"`,
  );
  for (const row of rules) limits.set(row.familyId, row.premiumLimitCents);
  const orders = await db.all<{ familyId: string; items: string }>(
    `SELECT "familyId", "items" FROM "Order" WHERE "approvalRequestId" IS NULL`,
  );
  return orders.filter((order) => {
    const limit = limits.get(order.familyId);
    return limit !== undefined && json<LineItem[]>(order.items).some((item) => item.unitPriceCents > limit);
  }).length;
}

type AuditRow = {
  familyId: string;
  seq: number;
  actorId: string | null;
  actorRole: string;
  childId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** JSON text. */
  data: string;
  /** ISO 8601 text with its offset (e2e/db.ts gives PostgreSQL's UTC timestamps SQLite's shape), or epoch ms. */
  createdAt: string | number;
  prevHash: string;
  hash: string;
};

/**
 * Recomputes every family's hash chain with the project's own hash, independently of lib/audit/verify.ts (which
 * reads through Prisma): from the raw row, its data parsed from text and its time from the stored text.
 */
async function firstBrokenLink(db: Sql): Promise<string | null> {
  const rows = await db.all<AuditRow>(`SELECT * FROM "AuditEvent" ORDER BY "familyId", "seq"`);
  let family = "";
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    if (row.familyId !== family) {
      family = row.familyId;
      prevHash = GENESIS_HASH;
      expectedSeq = 1;
    }
    const expected = hashAuditRow(prevHash, {
      familyId: row.familyId,
      seq: row.seq,
      actorId: row.actorId,
      actorRole: row.actorRole,
      childId: row.childId,
      action: row.action,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      data: json(row.data),
      createdAt: new Date(row.createdAt),
    });
    if (row.seq !== expectedSeq || row.prevHash !== prevHash || row.hash !== expected) {
      return `${row.familyId}#${row.seq} (${row.action})`;
    }
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return null;
}

export function checkCrashInvariants(seenRequestIds: Iterable<string>): Promise<CrashViolations> {
  return withCrashDb(async (db) => {
    const ids = new Set((await db.all<{ id: string }>(`SELECT "id" FROM "ApprovalRequest"`)).map((r) => r.id));
    const parts = await assistantParts(db);
    const told = toldOutcomes(parts);
    return {
      approvedWithoutOrder: await count(
        db,
        `SELECT count(*) AS n FROM "ApprovalRequest" r WHERE r."kind" = 'ORDER' AND r."status" = 'APPROVED'
           AND NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."approvalRequestId" = r."id")`,
      ),
      ordersWithoutApproval: await count(
        db,
        `SELECT count(*) AS n FROM "Order" o LEFT JOIN "ApprovalRequest" r ON r."id" = o."approvalRequestId"
           WHERE o."approvalRequestId" IS NOT NULL AND (r."id" IS NULL OR r."status" <> 'APPROVED')`,
      ),
      // The harness's child only asks for premium dishes: any such order without a request skipped the parent.
      premiumOrdersWithoutParent: await premiumOrdersWithoutParent(db),
      duplicateOrders: await count(
        db,
        `SELECT count(*) AS n FROM (SELECT "approvalRequestId" FROM "Order" WHERE "approvalRequestId" IS NOT NULL
           GROUP BY "approvalRequestId" HAVING count(*) > 1) AS twice`,
      ),
      lostRequests: [...new Set(seenRequestIds)].filter((id) => !ids.has(id)),
      waitingCardsWithoutRow: waitingCards(parts).filter((id) => !ids.has(id)),
      unauditedChanges:
        (await count(
          db,
          `SELECT count(*) AS n FROM "ApprovalRequest" r WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" a
             WHERE a."subjectId" = r."id" AND a."action" = 'request.created')`,
        )) +
        (await count(
          db,
          `SELECT count(*) AS n FROM "ApprovalRequest" r WHERE r."status" IN ('APPROVED', 'DENIED')
             AND NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."subjectId" = r."id"
               AND a."action" = CASE r."status" WHEN 'APPROVED' THEN 'request.approved' ELSE 'request.denied' END)`,
        )) +
        (await count(
          db,
          `SELECT count(*) AS n FROM "Order" o WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" a
             WHERE a."subjectId" = o."id" AND a."action" = 'order.placed')`,
        )),
      outcomesToldTwice: told.length - new Set(told).size,
      brokenChain: await firstBrokenLink(db),
    };
  });
}

export function crashFigures(): Promise<CrashFigures> {
  return withCrashDb(async (db) => {
    const cards = new Set(waitingCards(await assistantParts(db)));
    const requestIds = (await db.all<{ id: string }>(`SELECT "id" FROM "ApprovalRequest" WHERE "kind" = 'ORDER'`)).map(
      (r) => r.id,
    );
    return {
      requests: requestIds.length,
      pending: await count(db, `SELECT count(*) AS n FROM "ApprovalRequest" WHERE "status" = 'PENDING'`),
      approved: await count(db, `SELECT count(*) AS n FROM "ApprovalRequest" WHERE "status" = 'APPROVED'`),
      orders: await count(db, `SELECT count(*) AS n FROM "Order"`),
      waitingCards: cards.size,
      requestsWithoutCard: requestIds.filter((id) => !cards.has(id)).length,
      auditRows: await count(db, `SELECT count(*) AS n FROM "AuditEvent"`),
    };
  });
}

/** PostgreSQL sessions on the crash database besides the harness's own, as "pid@start" (a pid alone may be reused). */
export type Sessions = { ids: string[]; inTransaction: number; holdingFamilyLock: number };

/**
 * The sessions open now. Taken around a crash, they are the dead server's: none may outlive the restart, or its
 * open transaction and family locks (lib/database/family-lock.ts) could block the new server. SQLite has none.
 */
export function openSessions(): Promise<Sessions> {
  if (!crashOnPostgres) return Promise.resolve({ ids: [], inTransaction: 0, holdingFamilyLock: 0 });
  return withCrashDb(async (db) => {
    const rows = await db.all<{ id: string; inTransaction: boolean; holdsLock: boolean }>(
      `SELECT a.pid || '@' || a.backend_start AS "id", a.xact_start IS NOT NULL AS "inTransaction",
         EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory' AND l.granted) AS "holdsLock"
       FROM pg_stat_activity a WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()`,
    );
    return {
      ids: rows.map((r) => r.id),
      inTransaction: rows.filter((r) => r.inTransaction).length,
      holdingFamilyLock: rows.filter((r) => r.holdsLock).length,
    };
  });
}

export const NO_CRASH_VIOLATIONS: CrashViolations = {
  approvedWithoutOrder: 0,
  ordersWithoutApproval: 0,
  premiumOrdersWithoutParent: 0,
  duplicateOrders: 0,
  lostRequests: [],
  waitingCardsWithoutRow: [],
  unauditedChanges: 0,
  outcomesToldTwice: 0,
  brokenChain: null,
};
