import { describe, expect, it } from "vitest";
import type { DecideResult } from "@/lib/approvals/decide";
import { describeDecision } from "@/lib/approvals/describe";
import { readAnswerForm, readDecisionForm, readEditLines } from "./form-data";

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("readDecisionForm", () => {
  it("reads intent, scope and note", () => {
    const parsed = readDecisionForm(
      form([
        ["requestId", "r1"],
        ["intent", "APPROVE"],
        ["scope", "ALWAYS_DISH"],
        ["note", "enjoy"],
      ]),
    );
    expect(parsed.data).toEqual({ requestId: "r1", intent: "APPROVE", scope: "ALWAYS_DISH", note: "enjoy" });
  });
  it("an empty scope means none (the service's default, once)", () => {
    expect(
      readDecisionForm(
        form([
          ["requestId", "r1"],
          ["intent", "DENY"],
          ["scope", ""],
        ]),
      ).data?.scope,
    ).toBeUndefined();
  });
  it("refuses an unknown scope or intent, and an overlong note", () => {
    expect(
      readDecisionForm(
        form([
          ["requestId", "r1"],
          ["intent", "APPROVE"],
          ["scope", "FOREVER"],
        ]),
      ).error?.issues[0]?.message,
    ).toBe("Choose what to allow.");
    expect(
      readDecisionForm(
        form([
          ["requestId", "r1"],
          ["intent", "ALLOW_ALWAYS"],
        ]),
      ).success,
    ).toBe(false);
    expect(
      readDecisionForm(
        form([
          ["requestId", "r1"],
          ["intent", "DENY"],
          ["note", "x".repeat(501)],
        ]),
      ).error?.issues[0]?.message,
    ).toBe("Keep the note under 500 characters.");
  });
});

describe("readEditLines", () => {
  it("no editor: no edit", () => {
    expect(readEditLines(form([["requestId", "r1"]]))).toBeUndefined();
  });
  it("keeps quantities, drops lines set to 0, and takes a replacement's dish", () => {
    const data = form([
      ["line.dishId", "deluxe"],
      ["line.quantity", "1"],
      ["line.replaceWith", ""],
      ["line.dishId", "fries"],
      ["line.quantity", "0"],
      ["line.replaceWith", ""],
      ["line.dishId", "shake"],
      ["line.quantity", "2"],
      ["line.replaceWith", "water"],
    ]);
    expect(readEditLines(data)).toEqual({
      items: [
        { dishId: "deluxe", quantity: 1 },
        { dishId: "water", quantity: 2, replaces: "shake" },
      ],
    });
  });
  it("everything removed: an empty edit, which the service refuses", () => {
    expect(
      readEditLines(
        form([
          ["line.dishId", "deluxe"],
          ["line.quantity", "0"],
        ]),
      ),
    ).toEqual({ items: [] });
  });
  it.each(["", "-1", "1.5", "abc", "1e3"])("a quantity of %j is an error", (quantity) => {
    expect(
      readEditLines(
        form([
          ["line.dishId", "deluxe"],
          ["line.quantity", quantity],
        ]),
      ),
    ).toEqual({
      error: "Enter a whole number for each quantity (0 removes the dish).",
    });
  });
});

describe("readAnswerForm", () => {
  it("reads the reply", () => {
    expect(
      readAnswerForm(
        form([
          ["requestId", "r1"],
          ["reply", "Yes"],
        ]),
      ).data,
    ).toEqual({ requestId: "r1", reply: "Yes" });
  });
  it("a missing reply is an error", () => {
    expect(readAnswerForm(form([["requestId", "r1"]])).success).toBe(false);
  });
});

describe("describeDecision", () => {
  const at = new Date(2026, 10, 25, 18, 4);
  it.each([
    [
      { outcome: "decided", status: "ANSWERED", repeated: false, decidedByName: "Jane", decidedAt: at },
      "Reply sent. The child's chat has been told.",
    ],
    [
      {
        outcome: "decided",
        status: "APPROVED",
        repeated: false,
        decidedByName: "Jane",
        decidedAt: at,
        changes: ["Fries removed", "Deluxe Burger: 2 → 1"],
      },
      "Approved with changes (Fries removed; Deluxe Burger: 2 → 1). The child's chat has been told.",
    ],
    [
      { outcome: "already-decided", status: "ANSWERED", decidedByName: "Jane", decidedAt: at },
      "Already answered by Jane at 18:04.",
    ],
    [
      { outcome: "decided", status: "APPROVED", repeated: true, decidedByName: "Joe", decidedAt: at },
      "Already approved by Joe at 18:04.",
    ],
  ] satisfies Array<[DecideResult, string]>)("%j", (result, message) => {
    expect(describeDecision(result).message).toBe(message);
  });
});
