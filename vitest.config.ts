import path from "node:path";
import { defineConfig } from "vitest/config";

// Tests only PostgreSQL has (a server that goes away and comes back) run when DATABASE_URL names one.
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // server-only throws outside Next's server bundle; tests run server modules directly.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    // One worker process per test file: each integration file gets its own database and Prisma client.
    pool: "forks",
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "app/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.pg.test.ts", "**/node_modules/**"],
        },
      },
      {
        // Integration tests against a real database, SQLite or PostgreSQL: see lib/testing/test-db.ts.
        extends: true,
        test: {
          name: "int",
          include: ["lib/**/*.int.test.ts", "app/**/*.int.test.ts"],
          exclude: onPostgres ? ["**/node_modules/**"] : ["**/*.pg.int.test.ts", "**/node_modules/**"],
          globalSetup: ["lib/testing/int-global-setup.ts"],
          setupFiles: ["lib/testing/int-setup.ts"],
          hookTimeout: 60_000,
        },
      },
      {
        // Against a running PostgreSQL (TEST_POSTGRES_URL, default 127.0.0.1:5432/test), no tables needed: fails
        // when it is down, never skips.
        extends: true,
        test: { name: "pg", include: ["lib/**/*.pg.test.ts"] },
      },
    ],
  },
});
