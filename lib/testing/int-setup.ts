// Vitest setupFiles entry for the "int" project: runs in each test file's worker before the file's imports,
// so `@/lib/db` (imported by the test file) opens this file's own copy of the template database.
import { afterAll, inject } from "vitest";
import { copyTemplateDatabase, removeDatabase } from "./test-db";

const url = await copyTemplateDatabase(inject("templateDatabase"));

afterAll(async () => {
  const { db } = await import("@/lib/db");
  // On PostgreSQL the services' notifications opened the live-update bus's LISTEN connection: end it before the
  // database is dropped, or it would log the loss and retry.
  const { closeBus } = await import("@/lib/events/bus");
  await closeBus();
  await db.$disconnect();
  await removeDatabase(url);
});
