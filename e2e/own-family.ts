// A family of its own for one test, beside the demo family in the shared e2e database: a spec that counts what its
// inbox shows (the paging spec) must not see other specs' requests, nor have them land among its own.
// Made by SQL (nothing in the app creates a family); everything after that goes through the app itself.
import { randomUUID } from "node:crypto";
import { sqlTime, withE2eDb } from "./db";
import { uniqueWord } from "./family-helpers";

export type OwnFamily = {
  familyId: string;
  /** The parents' sign-in emails and the children's usernames (the demo password, see fixtures.PASSWORD). */
  parents: [string, string];
  children: string[];
  /** The one restaurant, named uniquely (other specs find the demo family's restaurants by name). */
  restaurant: string;
  /** Cancels what still waits and signs everyone out for good (the rows stay, as a removed family's would). */
  close: () => Promise<void>;
};

/**
 * A family with two parents, `childCount` children named "Kid 1", "Kid 2"…, the seed's first rules (premium dishes
 * above $10.00 need a parent, at most 5 waiting per child) and one restaurant with a Deluxe Burger at $12.99 and a
 * Classic Burger at $7.99, so `askForDeluxe` makes a waiting request.
 */
export async function createOwnFamily(childCount: number): Promise<OwnFamily> {
  const tag = randomUUID().slice(0, 8);
  const id = (what: string) => `e2e-${tag}-${what}`;
  const now = sqlTime();
  const restaurant = `Diner ${uniqueWord()}`;
  const parents: [string, string] = [`${tag}-first@example.test`, `${tag}-second@example.test`];
  const children = Array.from({ length: childCount }, (_, i) => `own.${tag}.${i + 1}`);
  const familyId = id("family");
  await withE2eDb(async (db) => {
    const hash = await db.get<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE "username" = 'henry'`);
    await db.run(`INSERT INTO "Family" ("id", "name", "createdAt") VALUES (?, ?, ?)`, familyId, `Family ${tag}`, now);
    const user = (userId: string, role: string, name: string, email: string | null, username: string | null) =>
      db.run(
        `INSERT INTO "User" ("id", "familyId", "role", "name", "email", "username", "passwordHash", "active", "createdAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?)`,
        userId,
        familyId,
        role,
        name,
        email,
        username,
        hash?.passwordHash ?? "",
        now,
      );
    await user(id("parent-1"), "PARENT", "Pat", parents[0], null);
    await user(id("parent-2"), "PARENT", "Sam", parents[1], null);
    for (const [i, login] of children.entries()) await user(id(`child-${i + 1}`), "CHILD", `Kid ${i + 1}`, null, login);
    await db.run(
      `INSERT INTO "Rules" ("id", "familyId", "version", "premiumLimitCents", "maxPendingPerChild", "expiryMinutes",
         "createdById", "createdAt") VALUES (?, ?, 1, 1000, 5, 120, ?, ?)`,
      id("rules"),
      familyId,
      id("parent-1"),
      now,
    );
    await db.run(
      `INSERT INTO "Restaurant" ("id", "familyId", "name", "restricted", "archived", "createdAt")
       VALUES (?, ?, ?, FALSE, FALSE, ?)`,
      id("restaurant"),
      familyId,
      restaurant,
      now,
    );
    for (const [name, cents] of [
      ["Classic Burger", 799],
      ["Deluxe Burger", 1299],
    ] as const)
      await db.run(
        `INSERT INTO "Dish" ("id", "familyId", "restaurantId", "name", "priceCents", "archived", "createdAt")
         VALUES (?, ?, ?, ?, ?, FALSE, ?)`,
        id(name.toLowerCase().replace(" ", "-")),
        familyId,
        id("restaurant"),
        name,
        cents,
        now,
      );
  });
  const close = () =>
    withE2eDb(async (db) => {
      await db.run(
        `UPDATE "ApprovalRequest" SET "status" = 'CANCELLED' WHERE "status" = 'PENDING' AND "familyId" = ?`,
        familyId,
      );
      await db.run(
        `UPDATE "User" SET "active" = FALSE, "email" = NULL, "username" = NULL WHERE "familyId" = ?`,
        familyId,
      );
    });
  return { familyId, parents, children, restaurant, close };
}
