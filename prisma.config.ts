import { defineConfig } from "prisma/config";

// Prisma 7 does not read .env and throws on a missing env(): default to the embedded SQLite file.
const url = process.env.DATABASE_URL || "file:./data/lunchbox.db";
// PostgreSQL uses the twin generated from prisma/schema.prisma (npm run db:twin), with its own migrations.
const folder = /^postgres(ql)?:\/\//.test(url) ? "prisma/postgres" : "prisma";

export default defineConfig({
  schema: `${folder}/schema.prisma`,
  migrations: { path: `${folder}/migrations`, seed: "tsx prisma/seed.ts" },
  datasource: { url },
});
