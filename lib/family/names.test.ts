import { describe, expect, it } from "vitest";
import { claimName } from "./names";

const now = new Date("2026-11-25T10:00:00Z");

describe("claimName", () => {
  it("is free when nobody has it", () => {
    expect(claimName([{ id: "1", name: "Pizza Palace", archived: false }], "Taco Town", now)).toEqual({
      ok: true,
      renames: [],
    });
  });

  it("is taken by a row in use, whatever the letter case", () => {
    expect(claimName([{ id: "1", name: "Pizza Palace", archived: false }], "pizza palace", now)).toEqual({
      ok: false,
      takenBy: "Pizza Palace",
    });
  });

  it("ignores the row being renamed (changing only the letter case)", () => {
    expect(claimName([{ id: "1", name: "pizza palace", archived: false }], "Pizza Palace", now, "1")).toEqual({
      ok: true,
      renames: [],
    });
  });

  it("frees a name held by removed rows by renaming them, without clashing with other names", () => {
    const rows = [
      { id: "1", name: "Pizza Palace", archived: true },
      { id: "2", name: "Pizza Palace (removed 2026-11-25)", archived: true },
    ];
    expect(claimName(rows, "Pizza Palace", now)).toEqual({
      ok: true,
      renames: [{ id: "1", name: "Pizza Palace (removed 2026-11-25) 2" }],
    });
  });
});
