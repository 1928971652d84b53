// One-tap decision links against a real SQLite file: the page's read (GET) and the confirm (POST), and every way
// a link can be misused: reuse, expiry, tampering, another parent, a child, a wrong password, racing confirms.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submitQuestion } from "@/lib/approvals/ask-parent";
import { decideRequest } from "@/lib/approvals/decide";
import { db } from "@/lib/db";
import { askParentFor, type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { confirmDecisionLink } from "./confirm";
import { createDecisionToken, type DecisionLinkAction } from "./token";
import { viewDecisionLink } from "./view";

process.env.AUTH_SECRET ??= "int-test-secret-for-decision-links";
const PASSWORD = process.env.SEED_PASSWORD || "lunchbox";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

// Requests another test left pending would merge with this test's; park them.
beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
});

function link(requestId: string, action: DecisionLinkAction = "approve", parentId = f.a.jane.id, expiresAt?: Date) {
  return createDecisionToken({ requestId, parentId, action, expiresAt: expiresAt ?? new Date(Date.now() + 3_600_000) });
}

/** Everything a decision can touch, to prove that a refused link touched nothing. */
async function familyState(familyId: string) {
  const [requests, orders, audit, events, used] = await Promise.all([
    db.approvalRequest.findMany({ where: { familyId }, orderBy: { id: "asc" } }),
    db.order.count({ where: { familyId } }),
    db.auditEvent.count({ where: { familyId } }),
    db.event.count({ where: { familyId } }),
    db.usedDecisionLink.count(),
  ]);
  return { requests, orders, audit, events, used };
}

const orders = (requestId: string) => db.order.count({ where: { approvalRequestId: requestId } });

/** Flips one character of the token at `index` (counted from the end when negative) to another base64url one. */
function flip(token: string, index: number): string {
  const i = index < 0 ? token.length + index : index;
  const c = token[i] === "A" ? "B" : "A";
  return token.slice(0, i) + c + token.slice(i + 1);
}

describe("opening a link (GET) never writes", () => {
  it("shows the request to the signed-out parent it was sent to, and changes nothing", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const before = await familyState(f.a.familyId);
    const view = await viewDecisionLink({ token: link(requestId), session: null });
    expect(view).toMatchObject({
      kind: "ready",
      parent: { name: "Jane" },
      item: { id: requestId, childName: "Henry" },
    });
    if (view.kind === "ready") {
      expect(view.item.reasons.join(" ")).toMatch(/Deluxe Burger costs \$12\.99/);
      // Nothing secret reaches the page's props.
      expect(JSON.stringify(view)).not.toMatch(/passwordHash|\$2[aby]\$/);
    }
    expect(await familyState(f.a.familyId)).toEqual(before);
  });

  it("a request already past its expiry reads as expired, not denied, without being written", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    await db.approvalRequest.update({ where: { id: requestId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await familyState(f.a.familyId);
    const view = await viewDecisionLink({ token: link(requestId), session: null });
    expect(view).toMatchObject({ kind: "closed", item: { status: "EXPIRED" } });
    expect(await familyState(f.a.familyId)).toEqual(before);
  });
});

describe("confirming a link (POST)", () => {
  it("approves with the parent's password: one order, the link used, audited as from a link", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const token = link(requestId);
    const result = await confirmDecisionLink({ token, session: null, password: PASSWORD });
    expect(result).toMatchObject({ ok: true, status: "APPROVED", message: expect.stringMatching(/^Approved/) });
    expect(await orders(requestId)).toBe(1);
    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "APPROVED", decidedById: f.a.jane.id });
    expect(await db.usedDecisionLink.count({ where: { requestId, parentId: f.a.jane.id } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "request.approved", subjectId: requestId } });
    expect(audit).toMatchObject({ actorId: f.a.jane.id, data: expect.objectContaining({ via: "link" }) });
    const event = await db.event.findFirstOrThrow({ where: { type: "request.resolved" }, orderBy: { id: "desc" } });
    expect(event.data).toMatchObject({ requestId, status: "APPROVED", decidedByName: "Jane" });
    expect(typeof (event.data as { decidedAt?: unknown }).decidedAt).toBe("string");
  });

  it("a signed-in parent confirms without a password; a deny link denies", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const result = await confirmDecisionLink({ token: link(requestId, "deny"), session: f.a.jane, note: "Not today" });
    expect(result).toMatchObject({ ok: true, status: "DENIED" });
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "DENIED",
      note: "Not today",
    });
    expect(await orders(requestId)).toBe(0);
  });

  it("an open link decides what the parent picks, and answers a question with the reply", async () => {
    const orderId = await askParentFor(f.a.henry, "Deluxe Burger");
    expect(await confirmDecisionLink({ token: link(orderId, "open"), session: f.a.jane })).toMatchObject({
      ok: false,
      field: "intent",
    });
    expect(
      await confirmDecisionLink({ token: link(orderId, "open"), session: f.a.jane, intent: "DENY" }),
    ).toMatchObject({ ok: true, status: "DENIED" });

    const asked = await submitQuestion(await newChatContext(f.a.henry), "Can I have dessert?", toolCallId());
    if (asked.status !== "pending") throw new Error(`expected a pending question, got ${JSON.stringify(asked)}`);
    const token = link(asked.requestId, "open");
    expect(await confirmDecisionLink({ token, session: f.a.jane, reply: "  " })).toMatchObject({ field: "reply" });
    expect(await confirmDecisionLink({ token, session: f.a.jane, reply: "Yes, one scoop" })).toMatchObject({
      ok: true,
      status: "ANSWERED",
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "request.answered", subjectId: asked.requestId },
    });
    expect(audit.data).toMatchObject({ answer: "Yes, one scoop", via: "link" });
  });
});

describe("link misuse", () => {
  it("reuse: the second confirm is refused, one decision, one order", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const token = link(requestId);
    expect(await confirmDecisionLink({ token, session: null, password: PASSWORD })).toMatchObject({ ok: true });
    expect(await confirmDecisionLink({ token, session: null, password: PASSWORD })).toMatchObject({
      ok: false,
      reason: "used",
    });
    expect(await viewDecisionLink({ token, session: null })).toMatchObject({ kind: "used" });
    expect(await orders(requestId)).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "request.approved", subjectId: requestId } })).toBe(1);
  });

  it("two confirms of one link at the same time: exactly one decision", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const token = link(requestId);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => confirmDecisionLink({ token, session: f.a.jane })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r).toMatchObject({ reason: "used" });
    expect(await orders(requestId)).toBe(1);
    expect(await db.usedDecisionLink.count({ where: { requestId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "request.approved", subjectId: requestId } })).toBe(1);
  });

  it("expiry: a link past its time is refused, on the page and on confirm", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const token = link(requestId, "approve", f.a.jane.id, new Date(Date.now() + 60_000));
    const later = new Date(Date.now() + 61_000);
    const before = await familyState(f.a.familyId);
    expect(await viewDecisionLink({ token, session: null, now: later })).toEqual({ kind: "expired-link" });
    expect(await confirmDecisionLink({ token, session: null, password: PASSWORD, now: later })).toMatchObject({
      ok: false,
      reason: "expired-link",
    });
    expect(await familyState(f.a.familyId)).toEqual(before);
  });

  it.each([
    ["the payload", 5],
    ["the signature", -3],
  ])("tampering with %s: 'not valid', nothing written", async (_part, index) => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const token = flip(link(requestId), index);
    const before = await familyState(f.a.familyId);
    expect(await viewDecisionLink({ token, session: f.a.jane })).toEqual({ kind: "invalid" });
    expect(await confirmDecisionLink({ token, session: f.a.jane })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await confirmDecisionLink({ token: "not-a-token", session: null })).toMatchObject({ reason: "invalid" });
    expect(await familyState(f.a.familyId)).toEqual(before);
  });

  it("another parent of the family, signed in, is refused and told whom the link is for", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const token = link(requestId);
    const before = await familyState(f.a.familyId);
    expect(await viewDecisionLink({ token, session: f.a.joe })).toEqual({ kind: "wrong-parent", parentName: "Jane" });
    const result = await confirmDecisionLink({ token, session: f.a.joe, password: PASSWORD });
    expect(result).toMatchObject({
      ok: false,
      reason: "wrong-parent",
      message: expect.stringMatching(/Sign in as Jane/),
    });
    expect(await familyState(f.a.familyId)).toEqual(before);
  });

  it("a parent of another family sees nothing of the request, not even a name", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const token = link(requestId);
    const before = await familyState(f.a.familyId);
    const view = await viewDecisionLink({ token, session: f.b.quinn });
    expect(view).toEqual({ kind: "wrong-parent", parentName: null });
    const result = await confirmDecisionLink({ token, session: f.b.quinn });
    expect(result).toMatchObject({ ok: false, reason: "wrong-parent" });
    expect(JSON.stringify(result)).not.toMatch(/Jane|Henry|Burger/);
    // A link for family B's parent naming family A's request shows nothing either.
    const crossed = link(requestId, "approve", f.b.quinn.id);
    expect(await viewDecisionLink({ token: crossed, session: null })).toEqual({ kind: "invalid" });
    expect(await confirmDecisionLink({ token: crossed, session: f.b.quinn })).toMatchObject({ reason: "invalid" });
    expect(await familyState(f.a.familyId)).toEqual(before);
  });

  it("a child's session is refused, with nothing of the request", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const token = link(requestId);
    const before = await familyState(f.a.familyId);
    expect(await viewDecisionLink({ token, session: f.a.henry })).toEqual({ kind: "child" });
    const result = await confirmDecisionLink({ token, session: f.a.henry, password: PASSWORD });
    expect(result).toMatchObject({ ok: false, reason: "child" });
    expect(await familyState(f.a.familyId)).toEqual(before);
  });

  it("a wrong or missing password decides nothing, and ten wrong ones pause the account", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const token = link(requestId, "approve", f.a.joe.id);
    const before = await familyState(f.a.familyId);
    expect(await confirmDecisionLink({ token, session: null })).toMatchObject({ reason: "password" });
    for (let i = 0; i < 9; i += 1) {
      expect(await confirmDecisionLink({ token, session: null, password: "wrong" })).toMatchObject({
        reason: "password",
        field: "password",
      });
    }
    // Even the right password waits now, as on the sign-in form (one counter for both).
    expect(await confirmDecisionLink({ token, session: null, password: PASSWORD })).toMatchObject({
      reason: "rate-limited",
    });
    expect(await familyState(f.a.familyId)).toEqual(before);
  });

  it("a request decided in the inbox first: the link says who decided, and decides nothing", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const token = link(requestId, "approve", f.a.joe.id);
    await decideRequest({ actor: f.a.jane, requestId, decision: "DENY" });
    expect(await viewDecisionLink({ token, session: null })).toMatchObject({
      kind: "closed",
      item: { status: "DENIED", decidedByName: "Jane" },
    });
    const result = await confirmDecisionLink({ token, session: f.a.joe });
    expect(result).toMatchObject({
      ok: false,
      reason: "closed",
      message: expect.stringMatching(/^Decided by Jane at \d\d:\d\d: denied\.$/),
    });
    expect(await orders(requestId)).toBe(0);
  });

  it("a request that expired before the confirm: EXPIRED, never denied", async () => {
    const requestId = await askParentFor(f.a.henry, "Deluxe Burger");
    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
    const after = new Date(request.expiresAt.getTime() + 1000);
    // The link itself is still valid (it may outlive the request): the request's own expiry decides.
    const longLink = link(requestId, "approve", f.a.jane.id, new Date(after.getTime() + 3_600_000));
    expect(await confirmDecisionLink({ token: longLink, session: f.a.jane, now: after })).toMatchObject({
      ok: false,
      reason: "closed",
      message: expect.stringMatching(/^Expired/),
    });
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("PENDING");
    expect(await orders(requestId)).toBe(0);
  });
});
