// The decision API through its real handler and database; only the session cookie is stood in for.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { askParentFor, countAudit, type Families, loadFamilies } from "@/lib/testing/fixtures";

const session = vi.hoisted(() => ({ userId: "" }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const { POST } = await import("./route");

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});
beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
  await db.user.updateMany({ data: { active: true } });
});

const pendingDeluxe = () => askParentFor(f.a.henry, "Deluxe Burger");

function decide(requestId: string, body: unknown, origin = "http://localhost") {
  return POST(
    new Request(`http://localhost/api/requests/${requestId}/decision`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, host: "localhost" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: requestId }) },
  );
}

async function effects(requestId: string) {
  const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
  return { status: request.status, orders: await db.order.count({ where: { approvalRequestId: requestId } }) };
}

describe("POST /api/requests/[id]/decision", () => {
  it("a parent of the family approves: 200 and one order; the same again repeats, the other parent gets 409", async () => {
    const requestId = await pendingDeluxe();
    session.userId = f.a.jane.id;
    const first = await decide(requestId, { decision: "APPROVE", note: "Enjoy" });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ outcome: "decided", status: "APPROVED", repeated: false });
    const again = await decide(requestId, { decision: "APPROVE" });
    expect(await again.json()).toMatchObject({ outcome: "decided", repeated: true });

    session.userId = f.a.joe.id;
    const late = await decide(requestId, { decision: "DENY" });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ outcome: "already-decided", message: expect.stringContaining("Jane") });
    expect(await effects(requestId)).toEqual({ status: "APPROVED", orders: 1 });
  });

  it.each([
    ["nobody signed in", () => "", 401],
    ["the child who asked", () => f.a.henry.id, 403],
    ["a parent of another family", () => f.b.quinn.id, 404],
  ])("%s: %i and nothing changes", async (_who, userId, status) => {
    const requestId = await pendingDeluxe();
    session.userId = userId();
    const response = await decide(requestId, { decision: "APPROVE" });
    expect(response.status).toBe(status);
    expect(await effects(requestId)).toEqual({ status: "PENDING", orders: 0 });
  });

  it("a child's attempt is audited as authz.denied", async () => {
    const requestId = await pendingDeluxe();
    session.userId = f.a.henry.id;
    const before = await countAudit(f.a.familyId, "authz.denied", "api.decide");
    await decide(requestId, { decision: "APPROVE" });
    expect(await countAudit(f.a.familyId, "authz.denied", "api.decide")).toBe(before + 1);
  });

  it("a parent removed since signing in: 401 at once", async () => {
    const requestId = await pendingDeluxe();
    await db.user.update({ where: { id: f.a.joe.id }, data: { active: false } });
    session.userId = f.a.joe.id;
    expect((await decide(requestId, { decision: "APPROVE" })).status).toBe(401);
    expect(await effects(requestId)).toEqual({ status: "PENDING", orders: 0 });
  });

  it.each([
    ["another site's page", { decision: "APPROVE" }, "https://evil.example", 403],
    ["an unknown decision", { decision: "MAYBE" }, "http://localhost", 400],
    ["a forged field", { decision: "APPROVE", status: "APPROVED" }, "http://localhost", 400],
    [
      "a scope the request does not offer",
      { decision: "APPROVE", scope: "ALWAYS_RESTAURANT" },
      "http://localhost",
      400,
    ],
    ["an edit that removes every dish", { decision: "APPROVE", edit: { items: [] } }, "http://localhost", 400],
  ])("%s: a clear 4xx and nothing changes", async (_what, body, origin, status) => {
    const requestId = await pendingDeluxe();
    session.userId = f.a.jane.id;
    const response = await decide(requestId, body, origin);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ message: expect.any(String) });
    expect(await effects(requestId)).toEqual({ status: "PENDING", orders: 0 });
  });
});
