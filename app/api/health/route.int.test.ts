import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET } from "./route";

describe("GET /api/health", () => {
  it("answers 200 when the database is migrated and reachable", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "ready" });
  });

  it("answers 503 with the reason when the schema is missing", async () => {
    // This file's own copy of the database: break it the way a missing migration would.
    await db.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
    await db.$executeRawUnsafe('DROP TABLE "Family"');
    const response = await GET();
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; reason: string };
    expect(body.status).toBe("unavailable");
    expect(body.reason).toMatch(/^database: .*Family/);
  });
});
