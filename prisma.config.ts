import { defineConfig } from "prisma/config";

// Prisma 7 does not read .env and throws on a missing env(): default to the embedded SQLite file.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/lunchbox.db" },
});
