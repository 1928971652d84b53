// Integration-test database harness: a real SQLite file per test file, no mocks.
//
// How it fits together (see vitest.config.ts, project "int"):
// 1. `globalSetup` (lib/testing/int-global-setup.ts) calls `createTemplateDatabase()` once per run: it migrates a
//    template file with the project's offline migration runner (`node prisma/migrate.mjs deploy`, Prisma's wasm
//    engine), seeds the demo family with `seed()` from prisma/seed.ts plus family B (`seedFamilyB`), and hands the
//    file's path to the workers with `provide("templateDatabase", …)`.
// 2. `setupFiles` (lib/testing/int-setup.ts) runs before each `*.int.test.ts` file, in that file's own worker
//    process: `copyTemplateDatabase()` copies the template to a new file and sets DATABASE_URL.
//    `lib/db.ts` reads DATABASE_URL once (through the cached `getEnv()`) when `@/lib/db` is first imported, and the
//    test file's imports run after the setup file, so every test file talks to its own fresh copy.
//
// This module must not import `@/lib/db` (that would read DATABASE_URL too early); test helpers that query the
// database live in lib/testing/fixtures.ts.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import bcrypt from "bcryptjs";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { FIRST_RULES, seed } from "@/prisma/seed";

const projectRoot = path.resolve(import.meta.dirname, "../..");

/** Family B: another tenant for cross-family (IDOR) tests. Same password as the demo family's seed. */
export const FAMILY_B = {
  name: "The Other Family",
  parent: { name: "Quinn", email: "quinn@example.com" },
  child: { name: "Dana", username: "dana" },
  restaurant: "Taco Town",
  dishes: [
    ["Bean Taco", 499],
    ["Steak Burrito", 1199],
  ],
} as const;

export async function seedFamilyB(prisma: PrismaClient): Promise<void> {
  const passwordHash = await bcrypt.hash(process.env.SEED_PASSWORD || "lunchbox", 4);
  await prisma.$transaction(async (tx) => {
    const family = await tx.family.create({ data: { name: FAMILY_B.name } });
    const familyId = family.id;
    const quinn = await tx.user.create({
      data: { familyId, role: "PARENT", ...FAMILY_B.parent, passwordHash },
    });
    await tx.user.create({ data: { familyId, role: "CHILD", ...FAMILY_B.child, passwordHash } });
    await tx.rules.create({ data: { familyId, ...FIRST_RULES, createdById: quinn.id } });
    const restaurant = await tx.restaurant.create({ data: { familyId, name: FAMILY_B.restaurant } });
    for (const [name, priceCents] of FAMILY_B.dishes) {
      await tx.dish.create({ data: { familyId, restaurantId: restaurant.id, name, priceCents } });
    }
  });
}

/** Migrates and seeds a template database file; returns its path. Once per run (globalSetup). */
export async function createTemplateDatabase(dir: string): Promise<string> {
  const file = path.join(dir, "template.db");
  const url = `file:${file}`;
  execFileSync(process.execPath, [path.join(projectRoot, "prisma/migrate.mjs"), "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
  try {
    if (!(await seed(prisma))) throw new Error("template database was not empty");
    await seedFamilyB(prisma);
    // Fold the WAL into the main file so a plain file copy is the whole database.
    await prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    await prisma.$disconnect();
  }
  return file;
}

/** A temporary folder for this run's database files. */
export function createRunDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "lunchbox-int-"));
}

/**
 * Copies the template to a file of its own and points DATABASE_URL at it. Call before `@/lib/db` is imported.
 * Returns the new file's path.
 */
export function copyTemplateDatabase(templateFile: string): string {
  const file = path.join(path.dirname(templateFile), `test-${process.pid}-${randomUUID()}.db`);
  fs.copyFileSync(templateFile, file);
  process.env.DATABASE_URL = `file:${file}`;
  return file;
}

/** Removes a database file and its WAL/shared-memory companions. */
export function removeDatabaseFile(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
}
