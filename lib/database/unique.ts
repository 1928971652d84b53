import "server-only";

/**
 * Whether `error` is Prisma's unique-constraint violation (P2002) on a constraint that covers `field`. The services
 * check names before writing; on PostgreSQL two transactions can still pass that check together (usernames are
 * unique across families, which no family lock covers), and the database's constraint decides: the loser gets the
 * same field error as if the check had caught it.
 */
export function isUniqueViolation(error: unknown, field: string): boolean {
  const meta = uniqueViolationMeta(error);
  return meta !== null && (meta.includes(`"${field}"`) || meta.includes(`_${field}_key`));
}

/** Whether `error` is a violation of the table's primary key: an id that is already taken. */
export function isPrimaryKeyViolation(error: unknown): boolean {
  const meta = uniqueViolationMeta(error);
  // SQLite says so in its error code; PostgreSQL names the constraint <Table>_pkey, without its column.
  return meta !== null && (meta.includes("SQLITE_CONSTRAINT_PRIMARYKEY") || meta.includes('_pkey"'));
}

function uniqueViolationMeta(error: unknown): string | null {
  if (!error || typeof error !== "object" || (error as { code?: unknown }).code !== "P2002") return null;
  return JSON.stringify((error as { meta?: unknown }).meta ?? {});
}
