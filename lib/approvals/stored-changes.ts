import "server-only";
import { type Db, db, type Tx } from "@/lib/db";

type AuditedEdit = { edit?: { changes?: unknown } };

/**
 * The words of the parent's edits, as written in their `request.approved` audit rows when they approved
 * (the one record of which dish replaced which). Keyed by request id; requests without an edit are absent.
 */
export async function getStoredChanges(
  { familyId, requestIds }: { familyId: string; requestIds: string[] },
  client: Db | Tx = db,
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (requestIds.length === 0) return found;
  const rows = await client.auditEvent.findMany({
    where: { familyId, action: "request.approved", subjectType: "ApprovalRequest", subjectId: { in: requestIds } },
    select: { subjectId: true, data: true },
  });
  for (const row of rows) {
    const changes = (row.data as AuditedEdit | null)?.edit?.changes;
    if (row.subjectId && Array.isArray(changes)) found.set(row.subjectId, changes.map(String));
  }
  return found;
}
