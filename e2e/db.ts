// Direct SQL on the e2e database, for what no screen does: setting up a rare state (an expired request, a
// budget) and putting back what a test changed, since every spec shares one database and runs twice.
// The same SQL runs on SQLite and PostgreSQL: write identifiers double-quoted ("User", "familyId"), booleans as
// TRUE/FALSE and values as `?`. Values come back as SQLite gives them: JSON and times as text, counts as numbers.
import fs from "node:fs";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import pg from "pg";
import { e2eDatabaseUrl } from "./database.mjs";

export type SqlValue = string | number | null;
type Row = Record<string, unknown>;

export interface Sql {
  get<T = Row>(sql: string, ...params: SqlValue[]): Promise<T | undefined>;
  all<T = Row>(sql: string, ...params: SqlValue[]): Promise<T[]>;
  /** Runs a statement; `changes` is the number of rows it changed. */
  run(sql: string, ...params: SqlValue[]): Promise<{ changes: number }>;
}

// PostgreSQL values in SQLite's shapes, so helpers read both alike (only inside this test process).
const raw = (value: string) => value;
for (const oid of [114, 3802, 1082, 1184]) pg.types.setTypeParser(oid, raw); // json, jsonb, date, timestamptz
// A DateTime column is a timestamp without time zone holding UTC ("2026-12-02 18:04:05.12"): as SQLite's text, with
// its offset, so Date.parse reads it as UTC whatever the machine's time zone.
pg.types.setTypeParser(1114, (value: string) =>
  new Date(`${value.replace(" ", "T")}Z`).toISOString().replace("Z", "+00:00"),
);
pg.types.setTypeParser(20, Number); // count(*) is a bigint

/** `?` placeholders as PostgreSQL's $1, $2, … (outside quoted strings). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\?/g, (token) => (token === "?" ? `$${++n}` : token));
}

/** Opens the database at `url`, runs `work`, closes it. */
export async function withSql<T>(url: string, work: (db: Sql) => Promise<T>): Promise<T> {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    if (!fs.existsSync(file)) throw new Error(`no database file ${file}`);
    const db = new DatabaseSync(file);
    try {
      db.exec("PRAGMA busy_timeout = 5000");
      const args = (params: SqlValue[]) => params as SQLInputValue[];
      return await work({
        get: async <T>(sql: string, ...params: SqlValue[]) => db.prepare(sql).get(...args(params)) as T | undefined,
        all: async <T>(sql: string, ...params: SqlValue[]) => db.prepare(sql).all(...args(params)) as T[],
        run: async (sql, ...params) => ({ changes: Number(db.prepare(sql).run(...args(params)).changes) }),
      });
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const query = (sql: string, params: SqlValue[]) => client.query(numbered(sql), params);
    return await work({
      get: async <T>(sql: string, ...params: SqlValue[]) => (await query(sql, params)).rows[0] as T | undefined,
      all: async <T>(sql: string, ...params: SqlValue[]) => (await query(sql, params)).rows as T[],
      run: async (sql, ...params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    });
  } finally {
    await client.end();
  }
}

export function withE2eDb<T>(work: (db: Sql) => Promise<T>): Promise<T> {
  return withSql(e2eDatabaseUrl(), work);
}

/** A time as a query parameter for a DateTime column (ISO 8601 with an explicit +00:00 offset, as Prisma's SQLite). */
export function sqlTime(date = new Date()): string {
  return date.toISOString().replace("Z", "+00:00");
}
