// The family's facts cache (lib/catalogue/facts.ts) is only as good as its version: database triggers must bump it
// for every insert, update and delete of the rows it holds, and only for that family. A SQLite migration that
// rebuilds one of these tables drops its triggers, and this test fails until they are re-created.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { type Families, loadFamilies } from "@/lib/testing/fixtures";
import { getFamilyFacts, readFactsVersion } from "./facts";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

/** Runs `change` and returns by how much each family's version moved. */
async function bumps(change: () => Promise<unknown>): Promise<{ a: number; b: number }> {
  const [a0, b0] = [await readFactsVersion(f.a.familyId), await readFactsVersion(f.b.familyId)];
  await change();
  return { a: (await readFactsVersion(f.a.familyId)) - a0, b: (await readFactsVersion(f.b.familyId)) - b0 };
}

describe("Family.factsVersion", () => {
  it("moves with every insert, update and delete of a restaurant, dish, rules or grant, of that family only", async () => {
    const familyId = f.a.familyId;
    const childId = f.a.henry.id;
    let restaurantId = "";
    let dishId = "";
    let rulesId = "";
    let grantId = "";
    const latest = await db.rules.findFirstOrThrow({ where: { familyId }, orderBy: { version: "desc" } });
    const changes: Array<[string, () => Promise<unknown>]> = [
      [
        "restaurant insert",
        async () => {
          restaurantId = (await db.restaurant.create({ data: { familyId, name: "Version Cafe" } })).id;
        },
      ],
      ["restaurant update", () => db.restaurant.update({ where: { id: restaurantId }, data: { restricted: true } })],
      [
        "dish insert",
        async () => {
          dishId = (await db.dish.create({ data: { familyId, restaurantId, name: "Toast", priceCents: 300 } })).id;
        },
      ],
      ["dish update", () => db.dish.update({ where: { id: dishId }, data: { priceCents: 350 } })],
      [
        "grant insert",
        async () => {
          grantId = (await db.accessGrant.create({ data: { familyId, childId, restaurantId, scope: "ONCE" } })).id;
        },
      ],
      ["grant update", () => db.accessGrant.update({ where: { id: grantId }, data: { usedAt: new Date() } })],
      ["grant delete", () => db.accessGrant.delete({ where: { id: grantId } })],
      ["dish delete", () => db.dish.delete({ where: { id: dishId } })],
      ["restaurant delete", () => db.restaurant.delete({ where: { id: restaurantId } })],
      [
        "rules insert",
        async () => {
          const { id, createdAt, childBudgets, ...rest } = latest;
          rulesId = (
            await db.rules.create({ data: { ...rest, childBudgets: childBudgets ?? {}, version: latest.version + 1 } })
          ).id;
        },
      ],
      ["rules update", () => db.rules.update({ where: { id: rulesId }, data: { expiryMinutes: 99 } })],
      ["rules delete", () => db.rules.delete({ where: { id: rulesId } })],
    ];
    const moved: Record<string, { a: number; b: number }> = {};
    for (const [name, change] of changes) moved[name] = await bumps(change);
    for (const [name] of changes) expect(moved[name], name).toEqual({ a: 1, b: 0 });
  });

  it("keys the cache: the same version is served from memory, a newer one is read again", async () => {
    const familyId = f.a.familyId;
    const version = await readFactsVersion(familyId);
    const first = await getFamilyFacts({ familyId, version });
    expect(first.version).toBe(version);
    expect(await getFamilyFacts({ familyId, version })).toBe(first);
    expect(await getFamilyFacts({ familyId })).toBe(first);

    const pizza = f.a.restaurant("Pizza Palace");
    await db.restaurant.update({ where: { id: pizza.id }, data: { name: "Pizza Palace Deluxe" } });
    const next = await getFamilyFacts({ familyId });
    expect(next).not.toBe(first);
    expect(next.version).toBe(version + 1);
    expect(next.restaurants.map((r) => r.name)).toContain("Pizza Palace Deluxe");
    await db.restaurant.update({ where: { id: pizza.id }, data: { name: "Pizza Palace" } });
  });
});
