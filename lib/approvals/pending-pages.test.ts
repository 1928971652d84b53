import { describe, expect, it } from "vitest";
import { inboxHref, parsePendingCursor } from "./pending-pages";

describe("the inbox's page cursor", () => {
  it.each([
    [{}, {}],
    [{ from: "cmx6h6ynl0udwgw7dph6fqtpk" }, { from: "cmx6h6ynl0udwgw7dph6fqtpk" }],
    [{ from: ["first_id", "second"] }, { from: "first_id" }],
    [{ from: " spaced " }, { from: "spaced" }],
    [{ from: "" }, {}],
    [{ from: "../inbox?x=1" }, {}],
    [{ from: "x".repeat(65) }, {}],
  ])("%j reads as %j", (params, cursor) => {
    expect(parsePendingCursor(params)).toEqual(cursor);
  });

  it("links to a page and back to the first", () => {
    expect(inboxHref({})).toBe("/inbox");
    expect(inboxHref({ from: "abc-1" })).toBe("/inbox?from=abc-1");
    expect(
      parsePendingCursor({ from: new URL(inboxHref({ from: "abc_1" }), "http://x").searchParams.get("from") ?? "" }),
    ).toEqual({ from: "abc_1" });
  });
});
