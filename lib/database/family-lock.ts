import "server-only";
import type { Tx } from "@/lib/db";
import { databaseProvider } from "@/lib/env";

/**
 * Call first in every transaction that changes a family's data. SQLite runs one write transaction at a time (and
 * lib/database/serialized-sqlite.ts one transaction per process), which the services' check-then-write steps rely
 * on: the audit chain's next seq, a ONCE grant used by one order only, the pending-requests cap. PostgreSQL runs
 * transactions side by side, so there the family's transactions queue on an advisory lock held until commit,
 * across every app server; different families still run in parallel.
 */
export async function lockFamily(tx: Tx, familyId: string): Promise<void> {
  if (databaseProvider() !== "postgresql") return;
  // Held until the transaction ends: once per transaction and family is enough (appendAudit asks again).
  const held = locked.get(tx) ?? new Set<string>();
  if (held.has(familyId)) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${familyId}))`;
  held.add(familyId);
  locked.set(tx, held);
}

const locked = new WeakMap<Tx, Set<string>>();
