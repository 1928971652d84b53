import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // server-only throws outside Next's server bundle; tests run server modules directly.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    // Integration tests share SQLite files per worker; keep them isolated by file.
    pool: "forks",
    testTimeout: 30_000,
  },
});
