import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { onPostgres } from "@/lib/testing/sql";
import { GET } from "./route";

async function health() {
  const response = await GET();
  return { status: response.status, body: (await response.json()) as { status: string; reason?: string } };
}

describe("GET /api/health", () => {
  it("answers 200 when the database is migrated and reachable", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "ready" });
  });

  it("answers 503 naming the migrations the database has not applied, and 200 again once they are", async () => {
    const [last] = await db.$queryRaw<Array<{ migration_name: string }>>`
      SELECT "migration_name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`;
    if (!last) throw new Error("no applied migration");
    // Forget the newest migration in this file's own database, as if it had not been applied yet.
    await db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = "finished_at"
      WHERE "migration_name" = ${last.migration_name}`;
    try {
      const { status, body } = await health();
      expect(status).toBe(503);
      expect(body.reason).toBe(`database: 1 migration not applied: ${last.migration_name} (run npm run db:migrate)`);
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL
        WHERE "migration_name" = ${last.migration_name}`;
    }
    expect((await health()).status).toBe(200);
  });

  it("answers 503 naming the problem when DATABASE_URL is not a database URL", async () => {
    const url = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "mysql://root@127.0.0.1/lunchbox";
    try {
      const { status, body } = await health();
      expect(status).toBe(503);
      expect(body.reason).toBe(
        "database: Invalid environment: ✖ Use file:path/to/lunchbox.db (SQLite) or " +
          "postgresql://user:password@host:5432/database (PostgreSQL) → at DATABASE_URL",
      );
    } finally {
      process.env.DATABASE_URL = url;
    }
    expect((await health()).status).toBe(200);
  });

  it("answers 503 with the reason when the schema is missing", async () => {
    // This file's own copy of the database: break it the way a missing migration would.
    if (onPostgres()) await db.$executeRaw`DROP TABLE "Family" CASCADE`;
    else {
      await db.$executeRaw`PRAGMA foreign_keys = OFF`;
      await db.$executeRaw`DROP TABLE "Family"`;
    }
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.status).toBe("unavailable");
    expect(body.reason).toMatch(/^database: .*Family/);
  });
});
