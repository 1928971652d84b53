// Vitest setupFiles entry for the "int" project: runs in each test file's worker before the file's imports,
// so `@/lib/db` (imported by the test file) opens this file's own copy of the template database.
import { afterAll, inject } from "vitest";
import { copyTemplateDatabase, removeDatabase } from "./test-db";

const url = await copyTemplateDatabase(inject("templateDatabase"));

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await removeDatabase(url);
});
