// The demo family of the article this product answers, so anyone can compare.
// Idempotent: does nothing when a family already exists (`npm run db:reset` starts from scratch).
import bcrypt from "bcryptjs";
import { PrismaClient } from "../lib/generated/prisma/client";
import { adapterFor } from "./adapter";
import { databaseUrl } from "./database-url.mjs";

const password = process.env.SEED_PASSWORD || "lunchbox";

/** The demo family's first rules; a seeded test family starts from the same. */
export const FIRST_RULES = {
  version: 1,
  premiumLimitCents: 1000,
  maxPendingPerChild: 5,
  expiryMinutes: 120,
  childBudgets: {},
} as const;

const catalogue = [
  {
    name: "Pizza Palace",
    restricted: false,
    dishes: [
      ["Cheese Pizza", 899],
      ["Pepperoni Pizza", 1099],
      ["Veggie Pizza", 949],
    ],
  },
  {
    name: "Burger Bonanza",
    restricted: false,
    dishes: [
      ["Classic Burger", 799],
      ["Deluxe Burger", 1299],
      ["Fries", 349],
    ],
  },
  {
    name: "Fancy French",
    restricted: true,
    dishes: [
      ["Escargot", 1599],
      ["Foie Gras", 1999],
      ["Truffle Pasta", 1849],
    ],
  },
  {
    name: "Sushi World",
    restricted: true,
    dishes: [
      ["California Roll", 699],
      ["Sushi Platter", 2299],
      ["Tempura", 999],
    ],
  },
] as const;

export async function seed(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.family.count()) > 0) return false;
  const passwordHash = await bcrypt.hash(password, 10);
  await prisma.$transaction(async (tx) => {
    const family = await tx.family.create({ data: { name: "The Demo Family" } });
    const familyId = family.id;
    const joe = await tx.user.create({
      data: { familyId, role: "PARENT", name: "Joe", email: "joe@example.com", passwordHash },
    });
    await tx.user.create({ data: { familyId, role: "PARENT", name: "Jane", email: "jane@example.com", passwordHash } });
    await tx.user.create({ data: { familyId, role: "CHILD", name: "Henry", username: "henry", passwordHash } });
    const rose = await tx.user.create({
      data: { familyId, role: "CHILD", name: "Rose", username: "rose", passwordHash },
    });
    await tx.rules.create({ data: { familyId, ...FIRST_RULES, createdById: joe.id } });
    for (const entry of catalogue) {
      const restaurant = await tx.restaurant.create({
        data: { familyId, name: entry.name, restricted: entry.restricted },
      });
      for (const [name, priceCents] of entry.dishes) {
        await tx.dish.create({ data: { familyId, restaurantId: restaurant.id, name, priceCents } });
      }
      if (entry.name === "Sushi World") {
        await tx.accessGrant.create({
          data: { familyId, childId: rose.id, restaurantId: restaurant.id, scope: "ALWAYS", createdById: joe.id },
        });
      }
    }
  });
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const prisma = new PrismaClient({ adapter: adapterFor(databaseUrl()) });
  const created = await seed(prisma);
  console.log(
    created ? "Seeded the demo family (password: see README)." : "Database already has a family: not seeding.",
  );
  await prisma.$disconnect();
}
