// The activity trail through the real services and a real SQLite file: words, filters, pages, CSV, family scoping.
import { beforeAll, describe, expect, it } from "vitest";
import { decideRequest } from "@/lib/approvals/decide";
import { submitAccessRequest } from "@/lib/approvals/request-access";
import { appendAudit } from "@/lib/audit/append";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { activityCsvStream } from "./export";
import { type ActivityFilter, type Cursor, PAGE_SIZE, parseActivityParams } from "./filters";
import { getActivityPage, getFamilyMembers } from "./queries";

let f: Families;
let names: Map<string, string>;
let approvedRequestId: string;

async function order(child: Families["a"]["henry"], dishName: string) {
  const ctx = await newChatContext(child);
  const dish = f.a.dish(dishName);
  return submitOrder(ctx, { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity: 1 }] }, toolCallId());
}

beforeAll(async () => {
  f = await loadFamilies();
  // Henry asks for a premium dish, Jane approves with a note; Rose orders within the rules; Henry asks for
  // Fancy French and Joe says no. Family B has its own trail.
  const burger = await order(f.a.henry, "Deluxe Burger");
  if (burger.status !== "pending") throw new Error("expected pending");
  approvedRequestId = burger.requestId;
  await decideRequest({ actor: f.a.jane, requestId: burger.requestId, decision: "APPROVE", note: "Just this once" });
  const pizza = await order(f.a.rose, "Cheese Pizza");
  expect(pizza.status).toBe("placed");
  const access = await submitAccessRequest(
    await newChatContext(f.a.henry),
    f.a.restaurant("Fancy French").id,
    toolCallId(),
  );
  if (access.status !== "pending") throw new Error("expected pending");
  await decideRequest({ actor: f.a.joe, requestId: access.requestId, decision: "DENY", note: "Too fancy" });

  const dana = await newChatContext(f.b.dana);
  const burrito = f.b.dish("Steak Burrito");
  const b = await submitOrder(
    dana,
    { restaurantId: burrito.restaurantId, items: [{ dishId: burrito.id, quantity: 1 }] },
    toolCallId(),
  );
  if (b.status !== "pending") throw new Error("expected pending");
  await decideRequest({ actor: f.b.quinn, requestId: b.requestId, decision: "APPROVE", note: "family B secret" });

  names = new Map((await getFamilyMembers({ familyId: f.a.familyId })).map((m) => [m.id, m.name]));
});

function page(filter: ActivityFilter = {}, cursor: Cursor = {}, familyId = f.a.familyId) {
  return getActivityPage({ familyId, filter, cursor, names });
}

describe("the activity page's rows", () => {
  it("shows a decided request newest first, with who did what and why", async () => {
    const { rows, older, newer } = await page();
    expect(older).toBeNull();
    expect(newer).toBeNull();
    const seqs = rows.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(rows.map((r) => r.action)).toEqual([
      "request.denied",
      "request.created",
      "order.placed",
      "request.approved",
      "order.placed",
      "request.created",
    ]);

    const approved = rows.find((r) => r.action === "request.approved");
    expect(approved?.description).toEqual({
      who: "Jane",
      sentence: "Jane approved Henry's order of 1× Deluxe Burger from Burger Bonanza ($12.99)",
      why: [
        "Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes.",
        "Note to Henry: “Just this once”",
      ],
    });
    const asked = rows.findLast((r) => r.action === "request.created");
    expect(asked?.subjectId).toBe(approvedRequestId);
    expect(asked?.description.sentence).toBe(
      "Henry asked a parent to allow 1× Deluxe Burger from Burger Bonanza ($12.99)",
    );
    expect(asked?.description.why).toEqual(["Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes."]);
    expect(rows[0]?.description.sentence).toBe("Joe denied Henry's request to use Fancy French");
    expect(rows.find((r) => r.action === "order.placed" && r.childId === f.a.rose.id)?.description.sentence).toBe(
      "Rose ordered 1× Cheese Pizza from Pizza Palace ($8.99)",
    );
  });

  it("never shows another family's rows, and reads another family's child id as unknown", async () => {
    const a = await page();
    const b = await page({}, {}, f.b.familyId);
    const aIds = new Set(a.rows.map((r) => r.id));
    expect(b.rows.length).toBeGreaterThan(0);
    expect(b.rows.some((r) => aIds.has(r.id))).toBe(false);
    expect(JSON.stringify(a.rows)).not.toContain("family B secret");

    const bChildren = new Set((await getFamilyMembers({ familyId: f.b.familyId })).map((m) => m.id));
    const parsed = parseActivityParams({ child: f.a.henry.id }, bChildren);
    expect(parsed.filter.childId).toBeUndefined();
    expect(parsed.notices).toHaveLength(1);
    // Even forced through, a child filter of another family finds nothing in B.
    expect((await page({ childId: f.a.henry.id }, {}, f.b.familyId)).rows).toEqual([]);
  });

  it("keeps a removed child's name", async () => {
    await db.user.update({ where: { id: f.a.rose.id }, data: { active: false } });
    try {
      const members = await getFamilyMembers({ familyId: f.a.familyId });
      expect(members.find((m) => m.id === f.a.rose.id)).toMatchObject({ name: "Rose", active: false });
      const fresh = new Map(members.map((m) => [m.id, m.name]));
      const { rows } = await getActivityPage({
        familyId: f.a.familyId,
        filter: { childId: f.a.rose.id },
        cursor: {},
        names: fresh,
      });
      expect(rows[0]?.description.sentence).toMatch(/^Rose ordered/);
    } finally {
      await db.user.update({ where: { id: f.a.rose.id }, data: { active: true } });
    }
  });
});

describe("filters", () => {
  it.each<[string, ActivityFilter, string[]]>([
    ["child Rose", { childId: "rose" }, ["order.placed"]],
    ["kind orders", { kind: "orders" }, ["order.placed", "order.placed"]],
    ["status approved", { status: "approved" }, ["request.approved"]],
    ["status asked", { status: "asked" }, ["request.created", "request.created"]],
    ["status denied for Henry", { childId: "henry", status: "denied" }, ["request.denied"]],
    ["status denied for Rose", { childId: "rose", status: "denied" }, []],
    [
      "kind requests for Henry",
      { childId: "henry", kind: "requests" },
      ["request.denied", "request.created", "request.approved", "request.created"],
    ],
    ["kind grants", { kind: "grants" }, []],
    ["kind orders with a request status", { kind: "orders", status: "approved" }, []],
  ])("%s returns exactly the expected rows", async (_name, filter, actions) => {
    const childId = filter.childId === "rose" ? f.a.rose.id : filter.childId === "henry" ? f.a.henry.id : undefined;
    const { rows } = await page({ ...filter, childId });
    expect(rows.map((r) => r.action)).toEqual(actions);
    if (childId) expect(rows.every((r) => r.childId === childId)).toBe(true);
  });
});

describe("pages and CSV over a long trail", () => {
  const EXTRA = 620;
  beforeAll(async () => {
    // Rule changes, the last one worded like a spreadsheet formula, appended as the family pages would.
    await db.$transaction(
      async (tx) => {
        for (let i = 1; i <= EXTRA; i++) {
          await appendAudit(tx, {
            familyId: f.a.familyId,
            actor: { id: f.a.jane.id, role: "PARENT" },
            action: "rules.changed",
            subjectType: "Rules",
            data: {
              version: i + 1,
              changes: [
                i === EXTRA ? '=HYPERLINK("http://x","y")' : `Premium dish limit: $${i}.00 → $${i + 1}.00, "really"`,
              ],
            },
          });
        }
      },
      { timeout: 60_000 },
    ); // 620 appends in one transaction: more than the default 5 s on a busy machine
  });

  it("covers every row exactly once going older, then again going newer, 50 at most per page", async () => {
    const total = await db.auditEvent.count({ where: { familyId: f.a.familyId } });
    const seen: number[] = [];
    let cursor: Cursor = {};
    let pages = 0;
    let last: Awaited<ReturnType<typeof page>> | null = null;
    for (;;) {
      const current = await page({}, cursor);
      pages += 1;
      expect(current.rows.length).toBeLessThanOrEqual(PAGE_SIZE);
      seen.push(...current.rows.map((r) => r.seq));
      if (pages > 1) expect(current.newer).not.toBeNull();
      last = current;
      if (!current.older) break;
      cursor = current.older;
    }
    expect(pages).toBe(Math.ceil(total / PAGE_SIZE));
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => total - i));

    const back: number[] = [];
    cursor = last.newer ?? {};
    while (cursor.after !== undefined) {
      const current = await page({}, cursor);
      back.push(...current.rows.map((r) => r.seq));
      expect(current.older).not.toBeNull();
      cursor = current.newer ?? {};
    }
    expect(back.length + last.rows.length).toBe(total);
    expect(new Set([...back, ...last.rows.map((r) => r.seq)]).size).toBe(total);
  });

  it("pages keep their filter", async () => {
    const first = await page({ kind: "rules" });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    const second = await page({ kind: "rules" }, first.older ?? {});
    expect(second.rows.every((r) => r.action === "rules.changed")).toBe(true);
    expect(Math.max(...second.rows.map((r) => r.seq))).toBeLessThan(Math.min(...first.rows.map((r) => r.seq)));
  });

  async function readCsv(filter: ActivityFilter, familyId = f.a.familyId): Promise<string> {
    return new Response(activityCsvStream({ familyId, filter })).text();
  }

  it("exports every matching row across chunks, newest first, escaped", async () => {
    const total = await db.auditEvent.count({ where: { familyId: f.a.familyId } });
    const csv = await readCsv({});
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("seq,time,actor,actor role,child,action,description,why,subject id,hash");
    expect(lines).toHaveLength(total + 1);
    expect(lines[1]).toMatch(/^\d+,/);
    expect(lines.slice(1).map((l) => Number(l.split(",")[0]))).toEqual(
      Array.from({ length: total }, (_, i) => total - i),
    );
    // The formula-like cell is defused, and commas/quotes are quoted.
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(csv).toContain(`"Premium dish limit: $1.00 → $2.00, ""really"""`);
    expect(csv).not.toContain("family B secret");
  });

  it("exports only the filtered rows", async () => {
    const csv = await readCsv({ childId: f.a.henry.id, status: "approved" });
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Jane approved Henry's order of 1× Deluxe Burger from Burger Bonanza ($12.99)");
    expect(lines[1]).toContain(",Jane,PARENT,Henry,request.approved,");
    expect(lines[1]).toContain("Note to Henry: “Just this once”");

    const empty = await readCsv({ kind: "grants" });
    expect(empty.trimEnd().split("\r\n")).toHaveLength(1);
  });
});
