import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvFilename, csvRecord, toCsv } from "./csv";

describe("toCsv", () => {
  it("writes the header and CRLF records", () => {
    expect(toCsv([["1", "plain"]], { header: true })).toBe(`${CSV_COLUMNS.join(",")}\r\n1,plain\r\n`);
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTabbed", "'\tTabbed"],
    ["\rcarriage", `"'\rcarriage"`],
    ["Jane approved", "Jane approved"],
    ["a, b", `"a, b"`],
    ['say "hi"', `"say ""hi"""`],
    ["two\nlines", `"two\nlines"`],
    ["", ""],
  ])("escapes %j as %s", (cell, written) => {
    expect(toCsv([[cell]])).toBe(`${written}\r\n`);
  });
});

describe("csvRecord", () => {
  it("puts each fact in its column", () => {
    const names = new Map([["henry", "Henry"]]);
    const record = csvRecord(
      {
        seq: 12,
        createdAt: new Date("2026-11-25T18:04:00Z"),
        actorRole: "PARENT",
        childId: "henry",
        action: "request.approved",
        subjectId: "req-1",
        hash: "ab12",
        description: {
          who: "Jane",
          sentence: "Jane approved Henry's order",
          why: ["Changed: A", "Note to Henry: “ok”"],
        },
      },
      names,
    );
    expect(Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, record[i]]))).toEqual({
      seq: "12",
      time: "2026-11-25T18:04:00.000Z",
      actor: "Jane",
      "actor role": "PARENT",
      child: "Henry",
      action: "request.approved",
      description: "Jane approved Henry's order",
      why: "Changed: A; Note to Henry: “ok”",
      "subject id": "req-1",
      hash: "ab12",
    });
  });
});

describe("csvFilename", () => {
  it("is dated in UTC", () => {
    expect(csvFilename(new Date("2026-11-25T23:30:00-05:00"))).toBe("lunchbox-activity-2026-11-26.csv");
  });
});
