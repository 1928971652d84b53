// The database the scripts outside Next use (migrate, seed, start, twin), and which schema and migrations belong to
// it: SQLite (the embedded default, prisma/schema.prisma) or PostgreSQL (the generated twin in prisma/postgres).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** "sqlite" for file: URLs, "postgresql" for postgres:// and postgresql://; throws a readable error otherwise. */
export function providerOf(url) {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  const scheme = url.includes(":") ? `"${url.split(":")[0]}:"` : "no scheme";
  throw new Error(
    `DATABASE_URL has ${scheme}: use file:path/to/lunchbox.db (SQLite) or postgresql://user:password@host:5432/db`,
  );
}

/** DATABASE_URL, or the SQLite file data/lunchbox.db; makes sure a SQLite file's folder exists. */
export function databaseUrl() {
  const url = process.env.DATABASE_URL || `file:${path.join(projectRoot, "data", "lunchbox.db")}`;
  if (providerOf(url) === "sqlite") fs.mkdirSync(path.dirname(path.resolve(url.slice(5))), { recursive: true });
  return url;
}

/** The schema file and migrations folder of a provider, relative to the project root. */
export function prismaPaths(provider) {
  return provider === "postgresql"
    ? { schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" }
    : { schema: "prisma/schema.prisma", migrations: "prisma/migrations" };
}

/** "host:port" of a PostgreSQL URL, for messages. */
export function postgresAddress(url) {
  const u = new URL(url);
  return `${u.hostname || "localhost"}:${u.port || 5432}`;
}
