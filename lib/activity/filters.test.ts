import { describe, expect, it } from "vitest";
import { actionsFor, activityHref, activityWhere, KINDS, parseActivityParams, STATUSES } from "./filters";

const children = new Set(["henry-id", "rose-id"]);

describe("parseActivityParams", () => {
  it("reads known filters and a cursor", () => {
    expect(
      parseActivityParams({ child: "rose-id", kind: "requests", status: "denied", before: "120" }, children),
    ).toEqual({
      filter: { childId: "rose-id", kind: "requests", status: "denied" },
      cursor: { before: 120 },
      notices: [],
    });
    expect(parseActivityParams({ after: "7" }, children).cursor).toEqual({ after: 7 });
    expect(parseActivityParams({}, children)).toEqual({ filter: {}, cursor: {}, notices: [] });
  });

  it.each([
    [{ child: "someone-else" }, /not in your family/],
    [{ kind: "secrets" }, /no kind “secrets”/],
    [{ status: "PENDING!" }, /no status “PENDING!”/],
    [{ kind: "__proto__" }, /no kind/],
    [{ kind: "constructor", status: "toString" }, /no kind/],
  ])("ignores %o and says so", (params, notice) => {
    const parsed = parseActivityParams(params, children);
    expect(parsed.filter).toEqual({});
    expect(parsed.notices.join(" ")).toMatch(notice);
  });

  it.each(["-1", "0", "1.5", "abc", "1e3", "9999999999999", ""])("ignores the cursor %s", (value) => {
    expect(parseActivityParams({ before: value, after: value }, children).cursor).toEqual({});
  });

  it("takes the first of repeated params, trims, and prefers before over after", () => {
    expect(parseActivityParams({ kind: ["orders", "rules"], child: " henry-id " }, children).filter).toEqual({
      kind: "orders",
      childId: "henry-id",
    });
    expect(parseActivityParams({ before: "10", after: "5" }, children).cursor).toEqual({ before: 10 });
  });

  it("keeps a long bad value short in the notice", () => {
    const notice = parseActivityParams({ kind: "x".repeat(5000) }, children).notices[0] ?? "";
    expect(notice.length).toBeLessThan(120);
  });
});

describe("actionsFor", () => {
  it("maps each kind to its actions and no filter to every action", () => {
    expect(actionsFor({})).toBeUndefined();
    expect(actionsFor({ kind: "orders" })).toEqual(["order.placed"]);
    expect(actionsFor({ kind: "refused" })).toEqual(["authz.denied"]);
    expect(actionsFor({ kind: "grants" })).toEqual(["grant.created", "grant.revoked"]);
    expect(actionsFor({ kind: "requests" })).toHaveLength(6);
  });

  it.each(Object.entries(STATUSES))("status %s is its one request action", (status, { action }) => {
    expect(actionsFor({ status: status as keyof typeof STATUSES })).toEqual([action]);
    expect(actionsFor({ kind: "requests", status: status as keyof typeof STATUSES })).toEqual([action]);
  });

  it("a status with a kind other than requests matches nothing", () => {
    expect(actionsFor({ kind: "orders", status: "approved" })).toEqual([]);
  });

  it("no action belongs to two kinds", () => {
    const all = Object.values(KINDS).flatMap((k) => [...k.actions]);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("activityWhere", () => {
  it("always scopes by family and maps filters and cursors onto indexed columns", () => {
    expect(activityWhere("fam", {})).toEqual({ familyId: "fam" });
    expect(activityWhere("fam", { childId: "rose-id", status: "approved" }, { before: 40 })).toEqual({
      familyId: "fam",
      childId: "rose-id",
      action: "request.approved",
      seq: { lt: 40 },
    });
    expect(activityWhere("fam", { kind: "grants" }, { after: 3 })).toEqual({
      familyId: "fam",
      action: { in: ["grant.created", "grant.revoked"] },
      seq: { gt: 3 },
    });
    expect(activityWhere("fam", { kind: "rules", status: "denied" })).toEqual({ familyId: "fam", action: { in: [] } });
  });
});

describe("activityHref", () => {
  it("keeps the filters and the cursor, and round-trips through the parser", () => {
    const href = activityHref({ childId: "henry-id", kind: "requests", status: "asked" }, { before: 51 });
    expect(href).toBe("/activity?child=henry-id&kind=requests&status=asked&before=51");
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseActivityParams(params, children)).toMatchObject({
      filter: { childId: "henry-id", kind: "requests", status: "asked" },
      cursor: { before: 51 },
    });
    expect(activityHref({}, {}, "/activity/export")).toBe("/activity/export");
  });
});
