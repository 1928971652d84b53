import "server-only";
import { db } from "@/lib/db";
import type { FamilyRules, GrantScope } from "@/lib/policy";
import { type CatalogueRestaurant, getCatalogue, getFamilyRules, USABLE_RESTAURANT_GRANT } from "./queries";

/**
 * What a chat turn reads about a family: the catalogue (restaurants and dishes not removed), the latest rules and
 * the usable restaurant grants of its children. Kept in memory per family and keyed by `Family.factsVersion`, which
 * database triggers bump in the transaction of every change to those rows (migration
 * 20261202184757_family_facts_version), whoever makes it: a parent on another instance, a script, a test. A caller
 * passes the version it read from the database, so the facts it gets are never older than that read; consistency
 * never waits for a wake-up to arrive. Decisions (placing an order, asking for access) still read their facts inside
 * their own transaction.
 */
export type FamilyFacts = {
  version: number;
  /** By name; each restaurant's dishes cheapest first. */
  restaurants: CatalogueRestaurant[];
  rules: FamilyRules;
  grants: Array<{ childId: string; restaurantId: string; scope: GrantScope }>;
};

// Families whose facts are held, least recently used first; a small cap keeps memory flat however many families.
const MAX_FAMILIES = 500;
const cache = new Map<string, { version: number; facts: Promise<FamilyFacts> }>();

/** The family's facts version now (one indexed read; raw SQL costs a fraction of a model query here). */
export async function readFactsVersion(familyId: string): Promise<number> {
  const rows = await db.$queryRaw<Array<{ v: number | bigint }>>`
    SELECT "factsVersion" AS "v" FROM "Family" WHERE "id" = ${familyId}`;
  return Number(rows[0]?.v ?? 0);
}

/**
 * The family's facts, at least as new as `version` (read now when not given). Facts loaded after reading version
 * V are labelled V: they may already hold a later change, never miss one that V includes.
 */
export async function getFamilyFacts({ familyId, version }: { familyId: string; version?: number }) {
  const atLeast = version ?? (await readFactsVersion(familyId));
  const held = cache.get(familyId);
  if (held && held.version >= atLeast) {
    cache.delete(familyId);
    cache.set(familyId, held);
    return held.facts;
  }
  const entry = { version: atLeast, facts: loadFacts(familyId, atLeast) };
  cache.delete(familyId);
  cache.set(familyId, entry);
  for (const key of cache.keys()) {
    if (cache.size <= MAX_FAMILIES) break;
    cache.delete(key);
  }
  // A failed read is not kept: the next turn tries again.
  entry.facts.catch(() => {
    if (cache.get(familyId) === entry) cache.delete(familyId);
  });
  return entry.facts;
}

async function loadFacts(familyId: string, version: number): Promise<FamilyFacts> {
  const [restaurants, rules, grants] = await Promise.all([
    getCatalogue({ familyId }),
    getFamilyRules({ familyId }),
    db.accessGrant.findMany({
      where: { familyId, ...USABLE_RESTAURANT_GRANT },
      orderBy: { createdAt: "asc" },
      select: { childId: true, restaurantId: true, scope: true },
    }),
  ]);
  return { version, restaurants, rules, grants: grants.map((g) => ({ ...g, scope: g.scope as GrantScope })) };
}

/** The scopes of the child's usable grants for one restaurant. */
export function grantScopes(facts: FamilyFacts, childId: string, restaurantId: string): GrantScope[] {
  return facts.grants.filter((g) => g.childId === childId && g.restaurantId === restaurantId).map((g) => g.scope);
}
