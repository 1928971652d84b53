import "server-only";

/**
 * Whether `error` is Prisma's unique-constraint violation (P2002) on a constraint that covers `field`. The services
 * check names before writing; on PostgreSQL two transactions can still pass that check together (usernames are
 * unique across families, which no family lock covers), and the database's constraint decides: the loser gets the
 * same field error as if the check had caught it.
 */
export function isUniqueViolation(error: unknown, field: string): boolean {
  if (!error || typeof error !== "object" || (error as { code?: unknown }).code !== "P2002") return false;
  const meta = JSON.stringify((error as { meta?: unknown }).meta ?? {});
  return meta.includes(`"${field}"`) || meta.includes(`_${field}_key`);
}
