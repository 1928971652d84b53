import { describe, expect, it } from "vitest";
import { parseFailpoints, shouldFail } from "./failpoint";

const on = (spec: string) => ({ LUNCHBOX_FAILPOINTS_ENABLED: "1", LUNCHBOX_FAILPOINT: spec });

describe("parseFailpoints", () => {
  it("reads names and probabilities from a comma list", () => {
    expect([...parseFailpoints("decide.after-swap, create.after-row:0.3 ,resume.after-claim:1")]).toEqual([
      ["decide.after-swap", 1],
      ["create.after-row", 0.3],
      ["resume.after-claim", 1],
    ]);
  });

  it("is empty for nothing, blanks and stray commas", () => {
    expect(parseFailpoints(undefined).size).toBe(0);
    expect(parseFailpoints("").size).toBe(0);
    expect(parseFailpoints(" , ,").size).toBe(0);
  });

  it("drops entries whose probability cannot be read, instead of firing always", () => {
    expect([...parseFailpoints("a:abc,b:1.5,c:-0.1,d:,e:0.2:9,f:0")]).toEqual([["f", 0]]);
  });
});

describe("shouldFail", () => {
  it("never fires unless failpoints are enabled for the process", () => {
    expect(shouldFail("a", { LUNCHBOX_FAILPOINT: "a" })).toBe(false);
    expect(shouldFail("a", { LUNCHBOX_FAILPOINTS_ENABLED: "true", LUNCHBOX_FAILPOINT: "a" })).toBe(false);
    expect(shouldFail("a", on("a"))).toBe(true);
  });

  it("fires only for the names listed", () => {
    expect(shouldFail("b", on("a"))).toBe(false);
    expect(shouldFail("a.b", on("a"))).toBe(false);
    expect(shouldFail("b", on("a,b"))).toBe(true);
  });

  it("fires with the given probability", () => {
    expect(shouldFail("a", on("a:0.3"), () => 0.29)).toBe(true);
    expect(shouldFail("a", on("a:0.3"), () => 0.3)).toBe(false);
    expect(shouldFail("a", on("a:0"), () => 0)).toBe(false);
  });
});
