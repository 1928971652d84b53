// `npm run db:twin` on a copy of the prisma folder: the check fails on a stale twin schema and on a SQLite migration
// without its PostgreSQL twin; generating writes the twin under the same folder name, and running again changes
// nothing. Uses the PostgreSQL server of DATABASE_URL for its scratch databases.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const projectRoot = path.resolve(import.meta.dirname, "../..");
let copy: string;

function twin(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(projectRoot, "prisma/twin.mjs"), "--root", copy, ...args], {
    cwd: projectRoot,
    env: { ...process.env, TWIN_POSTGRES_URL: process.env.DATABASE_URL },
    encoding: "utf8",
  });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Every file under the copy's prisma/postgres, with its text. */
function postgresFiles(): Record<string, string> {
  const dir = path.join(copy, "prisma/postgres");
  const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" });
  return Object.fromEntries(
    files
      .filter((f) => fs.statSync(path.join(dir, f)).isFile())
      .map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]),
  );
}

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), "lunchbox-twin-test-"));
  fs.cpSync(path.join(projectRoot, "prisma"), path.join(copy, "prisma"), { recursive: true });
});

afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

describe("db:twin", () => {
  it("the committed twin is in sync", () => {
    const { code, output } = twin("--check");
    expect(output).toContain("✓ PostgreSQL twin in sync");
    expect(code).toBe(0);
  }, 300_000);

  it("a schema change with its SQLite migration: --check fails, db:twin writes the same-named twin, twice is once", () => {
    const schemaFile = path.join(copy, "prisma/schema.prisma");
    const source = fs.readFileSync(schemaFile, "utf8");
    fs.writeFileSync(schemaFile, source.replace(/(model Family \{\n)/, "$1  motto       String?\n"));

    const stale = twin("--check");
    expect(stale.code).toBe(1);
    expect(stale.output).toContain("prisma/postgres/schema.prisma is stale");

    // The SQLite migration, made as a developer would (offline runner, --create-only).
    const sqliteDb = path.join(copy, "mig.db");
    const migrate = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(projectRoot, "prisma/migrate.mjs"), ...args], {
        cwd: projectRoot,
        env: {
          ...process.env,
          DATABASE_URL: `file:${sqliteDb}`,
          PRISMA_SCHEMA: schemaFile,
          PRISMA_MIGRATIONS: path.join(copy, "prisma/migrations"),
        },
        encoding: "utf8",
      });
    expect(migrate("deploy").status).toBe(0);
    expect(migrate("dev", "--name", "family_motto", "--create-only").status).toBe(0);
    const added = fs.readdirSync(path.join(copy, "prisma/migrations")).find((n) => n.endsWith("_family_motto"));
    if (!added) throw new Error("the SQLite migration was not created");

    const missing = twin("--check");
    expect(missing.code).toBe(1);
    expect(missing.output).toContain(`SQLite migration ${added} has no PostgreSQL twin`);

    const generated = twin();
    expect(generated.output).toContain(`Created prisma/postgres/migrations/${added}`);
    expect(generated.code).toBe(0);
    const sql = fs.readFileSync(path.join(copy, "prisma/postgres/migrations", added, "migration.sql"), "utf8");
    expect(sql).toContain(`ALTER TABLE "Family" ADD COLUMN     "motto" TEXT;`);

    const before = postgresFiles();
    const again = twin();
    expect(again.code).toBe(0);
    expect(again.output).not.toContain("Created");
    expect(postgresFiles()).toEqual(before);
  }, 600_000);
});
