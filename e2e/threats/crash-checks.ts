// The invariants of THREATS.md rows 13 and 14, read with plain SQL from the crash harness's database after a
// restart. Every count is a violation and must be 0.
import { DatabaseSync } from "node:sqlite";
import { GENESIS_HASH, hashAuditRow } from "../../lib/audit/hash";
import { crashDbFile } from "./crash-server";

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

export function withCrashDb<T>(work: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(crashDbFile);
  try {
    db.exec("PRAGMA busy_timeout = 5000");
    return work(db);
  } finally {
    db.close();
  }
}

const count = (db: DatabaseSync, sql: string): number => Number((db.prepare(sql).get() as { n: number }).n);

type Part = { type?: string; output?: { status?: string; requestId?: string } };

/** Request ids of the "waiting" cards (tool outputs with status "pending") stored in a family's chats. */
function waitingCards(db: DatabaseSync): string[] {
  const rows = db.prepare(`SELECT parts FROM "Message" WHERE role = 'assistant'`).all() as Array<{ parts: string }>;
  return rows.flatMap((row) =>
    (JSON.parse(row.parts) as Part[]).flatMap((part) =>
      part.type?.startsWith("tool-") && part.output?.status === "pending" && part.output.requestId
        ? [part.output.requestId]
        : [],
    ),
  );
}

function toldOutcomes(db: DatabaseSync): string[] {
  const rows = db.prepare(`SELECT parts FROM "Message" WHERE role = 'assistant'`).all() as Array<{ parts: string }>;
  return rows.flatMap((row) =>
    (JSON.parse(row.parts) as Part[]).flatMap((part) =>
      part.type === "tool-approvalOutcome" && part.output?.requestId ? [part.output.requestId] : [],
    ),
  );
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
  data: string;
  createdAt: string | number;
  prevHash: string;
  hash: string;
};

/** Recomputes every family's hash chain with the project's own hash, as lib/audit/verify.ts does. */
function firstBrokenLink(db: DatabaseSync): string | null {
  const rows = db.prepare(`SELECT * FROM "AuditEvent" ORDER BY familyId, seq`).all() as unknown as AuditRow[];
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
      data: JSON.parse(row.data),
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

export function checkCrashInvariants(seenRequestIds: Iterable<string>): CrashViolations {
  return withCrashDb((db) => {
    const ids = new Set(
      (db.prepare(`SELECT id FROM "ApprovalRequest"`).all() as Array<{ id: string }>).map((r) => r.id),
    );
    const told = toldOutcomes(db);
    return {
      approvedWithoutOrder: count(
        db,
        `SELECT count(*) AS n FROM "ApprovalRequest" r WHERE r.kind = 'ORDER' AND r.status = 'APPROVED'
           AND NOT EXISTS (SELECT 1 FROM "Order" o WHERE o.approvalRequestId = r.id)`,
      ),
      ordersWithoutApproval: count(
        db,
        `SELECT count(*) AS n FROM "Order" o LEFT JOIN "ApprovalRequest" r ON r.id = o.approvalRequestId
           WHERE o.approvalRequestId IS NOT NULL AND (r.id IS NULL OR r.status <> 'APPROVED')`,
      ),
      // The harness's child only asks for premium dishes: any such order without a request skipped the parent.
      premiumOrdersWithoutParent: count(
        db,
        `SELECT count(*) AS n FROM "Order" o WHERE o.approvalRequestId IS NULL AND EXISTS (
           SELECT 1 FROM json_each(o.items) j, "Rules" ru
           WHERE ru.familyId = o.familyId
             AND ru.version = (SELECT max(version) FROM "Rules" WHERE familyId = o.familyId)
             AND json_extract(j.value, '$.unitPriceCents') > ru.premiumLimitCents)`,
      ),
      duplicateOrders: count(
        db,
        `SELECT count(*) AS n FROM (SELECT approvalRequestId FROM "Order" WHERE approvalRequestId IS NOT NULL
           GROUP BY approvalRequestId HAVING count(*) > 1)`,
      ),
      lostRequests: [...new Set(seenRequestIds)].filter((id) => !ids.has(id)),
      waitingCardsWithoutRow: waitingCards(db).filter((id) => !ids.has(id)),
      unauditedChanges:
        count(
          db,
          `SELECT count(*) AS n FROM "ApprovalRequest" r WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" a
             WHERE a.subjectId = r.id AND a.action = 'request.created')`,
        ) +
        count(
          db,
          `SELECT count(*) AS n FROM "ApprovalRequest" r WHERE r.status IN ('APPROVED', 'DENIED')
             AND NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a.subjectId = r.id
               AND a.action = CASE r.status WHEN 'APPROVED' THEN 'request.approved' ELSE 'request.denied' END)`,
        ) +
        count(
          db,
          `SELECT count(*) AS n FROM "Order" o WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" a
             WHERE a.subjectId = o.id AND a.action = 'order.placed')`,
        ),
      outcomesToldTwice: told.length - new Set(told).size,
      brokenChain: firstBrokenLink(db),
    };
  });
}

export function crashFigures(): CrashFigures {
  return withCrashDb((db) => {
    const cards = new Set(waitingCards(db));
    const requestIds = (
      db.prepare(`SELECT id FROM "ApprovalRequest" WHERE kind = 'ORDER'`).all() as Array<{ id: string }>
    ).map((r) => r.id);
    return {
      requests: requestIds.length,
      pending: count(db, `SELECT count(*) AS n FROM "ApprovalRequest" WHERE status = 'PENDING'`),
      approved: count(db, `SELECT count(*) AS n FROM "ApprovalRequest" WHERE status = 'APPROVED'`),
      orders: count(db, `SELECT count(*) AS n FROM "Order"`),
      waitingCards: cards.size,
      requestsWithoutCard: requestIds.filter((id) => !cards.has(id)).length,
      auditRows: count(db, `SELECT count(*) AS n FROM "AuditEvent"`),
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
