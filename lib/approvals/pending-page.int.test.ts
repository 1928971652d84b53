// The inbox's pages of waiting requests: keyset on (createdAt, id), every request once, pages that keep their
// place while requests are decided, the last page when a page empties, and nothing of another family.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import { type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { createApprovalRequest } from "./create";
import { PENDING_PAGE_SIZE } from "./pending-pages";
import { getPendingPage } from "./queries";

let f: Families;
/** Family A's waiting requests, in the order the inbox must show them. */
let ids: string[];

const COUNT = 2 * PENDING_PAGE_SIZE + 5;

beforeAll(async () => {
  f = await loadFamilies();
});

beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
  const rules = await getFamilyRules({ familyId: f.a.familyId });
  const base = Date.now() - 60 * 60_000;
  const made: Array<{ id: string; at: number }> = [];
  for (let i = 0; i < COUNT; i++) {
    // Eight requests made in the same millisecond, across the first page's end: the id breaks the tie.
    const at = i >= PENDING_PAGE_SIZE - 4 && i < PENDING_PAGE_SIZE + 4 ? base + PENDING_PAGE_SIZE : base + i;
    const ctx = await newChatContext(i % 2 ? f.a.rose : f.a.henry);
    const { id } = await db.$transaction((tx) =>
      createApprovalRequest(tx, {
        ...ctx,
        toolCallId: toolCallId(),
        snapshot: { kind: "QUESTION", question: `Question ${i}?` },
        reasons: [{ code: "QUESTION_FOR_PARENT" }],
        rules,
        now: new Date(at),
      }),
    );
    made.push({ id, at });
  }
  ids = made.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)).map((r) => r.id);
});

const cancel = (some: string[]) =>
  db.approvalRequest.updateMany({ where: { id: { in: some } }, data: { status: "CANCELLED" } });

describe("getPendingPage", () => {
  it("pages forward and back: each request once, oldest first, with its position and the total", async () => {
    const first = await getPendingPage({ familyId: f.a.familyId });
    expect(first.items.map((i) => i.id)).toEqual(ids.slice(0, 20));
    expect(first).toMatchObject({ total: COUNT, start: 1, cursor: {}, previous: null, next: { from: ids[20] } });

    const second = await getPendingPage({ familyId: f.a.familyId, cursor: first.next ?? {} });
    expect(second.items.map((i) => i.id)).toEqual(ids.slice(20, 40));
    expect(second).toMatchObject({ start: 21, cursor: { from: ids[20] }, previous: {}, next: { from: ids[40] } });

    const third = await getPendingPage({ familyId: f.a.familyId, cursor: second.next ?? {} });
    expect(third.items.map((i) => i.id)).toEqual(ids.slice(40));
    // More than a page lies before the last one: its previous page starts 20 requests back, not at the first.
    expect(third).toMatchObject({ start: 41, previous: { from: ids[20] }, next: null });
  });

  it("a page keeps its place when requests before it are decided; its previous page is then the first", async () => {
    await cancel(ids.slice(0, 3));
    const second = await getPendingPage({ familyId: f.a.familyId, cursor: { from: ids[20] } });
    expect(second.items.map((i) => i.id)).toEqual(ids.slice(20, 40));
    expect(second).toMatchObject({ total: COUNT - 3, start: 18, cursor: { from: ids[20] }, previous: {} });
    // Its first request decided too: the page still starts where it did, with the next one.
    await cancel([ids[20] ?? ""]);
    const again = await getPendingPage({ familyId: f.a.familyId, cursor: { from: ids[20] } });
    expect(again.items.map((i) => i.id)).toEqual(ids.slice(21, 41));
    expect(again.cursor).toEqual({ from: ids[20] });
  });

  it("every request from the page on decided: the last page left, named by its own cursor", async () => {
    await cancel(ids.slice(40));
    const page = await getPendingPage({ familyId: f.a.familyId, cursor: { from: ids[40] } });
    expect(page.items.map((i) => i.id)).toEqual(ids.slice(20, 40));
    expect(page).toMatchObject({ total: 40, start: 21, cursor: { from: ids[20] }, previous: {}, next: null });

    await cancel(ids.slice(15, 40));
    const short = await getPendingPage({ familyId: f.a.familyId, cursor: { from: ids[40] } });
    expect(short.items.map((i) => i.id)).toEqual(ids.slice(0, 15));
    expect(short).toMatchObject({ start: 1, cursor: {}, previous: null, next: null });
  });

  it("a cursor naming no request of the family shows the family's first page, and nothing of family A to B", async () => {
    const unknown = await getPendingPage({ familyId: f.a.familyId, cursor: { from: "no-such-request" } });
    expect(unknown.items.map((i) => i.id)).toEqual(ids.slice(0, 20));
    expect(unknown.cursor).toEqual({});

    const other = await getPendingPage({ familyId: f.b.familyId, cursor: { from: ids[20] } });
    expect(other.items.map((i) => i.id).filter((id) => ids.includes(id))).toEqual([]);
    expect(other).toMatchObject({ total: 0, cursor: {}, previous: null, next: null });
  });
});
