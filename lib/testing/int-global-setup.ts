// Vitest globalSetup for the "int" project: one migrated and seeded template database per run.
import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { createRunDirectory, createTemplateDatabase, removeTemplateDatabase } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    /** DATABASE_URL of the migrated, seeded template database; each test file works on a copy. */
    templateDatabase: string;
  }
}

let runDirectory: string | undefined;
let template: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  runDirectory = createRunDirectory();
  template = await createTemplateDatabase(runDirectory);
  project.provide("templateDatabase", template);
}

export async function teardown(): Promise<void> {
  if (template) await removeTemplateDatabase(template);
  if (runDirectory) fs.rmSync(runDirectory, { recursive: true, force: true });
}
