// Integration-test database harness: a real database per test file, no mocks: a SQLite file, or on PostgreSQL
// (DATABASE_URL=postgresql://…) a database made with CREATE DATABASE … TEMPLATE from a migrated, seeded template.
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
import bcrypt from "bcryptjs";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { adapterFor } from "@/prisma/adapter";
import { providerOf } from "@/prisma/database-url.mjs";
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

/** The PostgreSQL server of the run when DATABASE_URL names one, else undefined (SQLite files). */
export function postgresServer(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url && providerOf(url) === "postgresql" ? url : undefined;
}

/** `url` with another database name. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE cannot run inside the target). */
export async function adminQuery(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(server, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Migrates and seeds a template database; returns its DATABASE_URL. Once per run (globalSetup). On SQLite a file in
 * `dir`, on PostgreSQL a database named after this process.
 */
export async function createTemplateDatabase(dir: string): Promise<string> {
  const server = postgresServer();
  const name = `lunchbox_tpl_${process.pid}`;
  const url = server ? withDatabase(server, name) : `file:${path.join(dir, "template.db")}`;
  if (server) {
    await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await adminQuery(server, `CREATE DATABASE "${name}"`);
  }
  execFileSync(process.execPath, [path.join(projectRoot, "prisma/migrate.mjs"), "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  const prisma = new PrismaClient({ adapter: adapterFor(url) });
  try {
    if (!(await seed(prisma))) throw new Error("template database was not empty");
    await seedFamilyB(prisma);
    // Fold the WAL into the main file so a plain file copy is the whole database.
    if (!server) await prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    // PostgreSQL copies a template only while nobody is connected to it.
    await prisma.$disconnect();
  }
  return url;
}

/** Drops the template (PostgreSQL; a SQLite template goes with the run's folder). */
export async function removeTemplateDatabase(url: string): Promise<void> {
  const server = postgresServer();
  if (server) await adminQuery(server, `DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
}

/** A temporary folder for this run's database files. */
export function createRunDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "lunchbox-int-"));
}

/**
 * Copies the template to a database of its own and points DATABASE_URL at it. Call before `@/lib/db` is imported.
 * Returns the copy's DATABASE_URL.
 */
export async function copyTemplateDatabase(templateUrl: string): Promise<string> {
  if (providerOf(templateUrl) === "postgresql") {
    const name = `lunchbox_test_${process.pid}_${randomUUID().slice(0, 8)}`;
    const template = new URL(templateUrl).pathname.slice(1);
    await adminQuery(templateUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    process.env.DATABASE_URL = withDatabase(templateUrl, name);
    return process.env.DATABASE_URL;
  }
  const templateFile = templateUrl.slice("file:".length);
  const file = path.join(path.dirname(templateFile), `test-${process.pid}-${randomUUID()}.db`);
  fs.copyFileSync(templateFile, file);
  process.env.DATABASE_URL = `file:${file}`;
  return process.env.DATABASE_URL;
}

/** Removes a test database: the PostgreSQL database, or the SQLite file and its WAL/shared-memory companions. */
export async function removeDatabase(url: string): Promise<void> {
  if (providerOf(url) === "postgresql") {
    await adminQuery(url, `DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
    return;
  }
  const file = url.slice("file:".length);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
}
