// Vitest globalSetup for the "int" project: one migrated and seeded template database per run.
import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { createRunDirectory, createTemplateDatabase } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the migrated, seeded template database; each test file works on a copy. */
    templateDatabase: string;
  }
}

let runDirectory: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  runDirectory = createRunDirectory();
  project.provide("templateDatabase", await createTemplateDatabase(runDirectory));
}

export function teardown(): void {
  if (runDirectory) fs.rmSync(runDirectory, { recursive: true, force: true });
}
