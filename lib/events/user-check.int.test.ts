// The open streams' user check: one read for what a family's streams ask in one tick, and never an answer from a
// read that started before the question (or a user removed meanwhile could still be let through).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { areStillActors } from "@/lib/authz";
import { db } from "@/lib/db";
import { type Families, loadFamilies } from "@/lib/testing/fixtures";
import { isStillActor } from "./user-check";

// lib/authz imports Auth.js, which needs Next's server runtime; the check itself reads the database only.
vi.mock("@/lib/auth", () => ({ auth: async () => null }));
// The real authz module, its calls counted.
vi.mock("@/lib/authz", { spy: true });

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

afterEach(async () => {
  vi.mocked(areStillActors).mockClear();
  await db.user.update({ where: { id: f.a.henry.id }, data: { active: true } });
});

describe("isStillActor", () => {
  it("answers every stream that asks in the same tick from one read", async () => {
    const answers = await Promise.all([
      isStillActor(f.a.henry),
      isStillActor(f.a.henry),
      isStillActor(f.a.rose),
      isStillActor({ ...f.a.jane, role: "CHILD" }),
    ]);
    expect(answers).toEqual([true, true, true, false]);
    expect(areStillActors).toHaveBeenCalledTimes(1);
  });

  it("a question asked while a read runs waits for the next read", async () => {
    const { areStillActors: real } = await vi.importActual<typeof import("@/lib/authz")>("@/lib/authz");
    let readDone = () => {};
    const read = new Promise<void>((resolve) => {
      readDone = resolve;
    });
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first read answers only when let through, so the second question comes while it runs.
    vi.mocked(areStillActors).mockImplementationOnce(async (actors) => {
      const still = await real(actors);
      readDone();
      await gate;
      return still;
    });

    const early = isStillActor(f.a.henry);
    await read;
    await db.user.update({ where: { id: f.a.henry.id }, data: { active: false } });
    const late = isStillActor(f.a.henry);
    release();

    expect(await early).toBe(true);
    expect(await late).toBe(false);
    expect(areStillActors).toHaveBeenCalledTimes(2);
  });
});
