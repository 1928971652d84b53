// Answering a child's question: exactly once, audited, pushed to the chat, told once in the chat.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { countAudit, type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { answerQuestion } from "./answer";
import { createApprovalRequest } from "./create";
import { type DecideResult, decideRequest } from "./decide";
import { claimUnreportedOutcomes } from "./outcome";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
});

const QUESTION = "Henry asks: can he have dessert tonight?";

/** A pending QUESTION, created the way the askParent tool does. */
async function pendingQuestion(child: Actor = f.a.henry, question = QUESTION) {
  const ctx = await newChatContext(child, "ask mum if I can have dessert");
  const rules = await getFamilyRules(ctx);
  const { id } = await db.$transaction((tx) =>
    createApprovalRequest(tx, {
      ...ctx,
      toolCallId: toolCallId(),
      snapshot: { kind: "QUESTION", question },
      reasons: [{ code: "QUESTION_FOR_PARENT" }],
      rules,
    }),
  );
  return { ctx, requestId: id };
}

async function resolvedEvents(requestId: string) {
  const events = await db.event.findMany({ where: { type: "request.resolved" }, orderBy: { id: "asc" } });
  return events.filter((e) => (e.data as { requestId?: string }).requestId === requestId);
}

describe("answerQuestion", () => {
  it("stores the answer, audits it, wakes the chat; the outcome is claimed once with the answer", async () => {
    const { ctx, requestId } = await pendingQuestion();

    const result = await answerQuestion({ actor: f.a.jane, requestId, answer: "  Yes, one scoop.  " });

    expect(result).toMatchObject({ outcome: "decided", status: "ANSWERED", repeated: false, decidedByName: "Jane" });
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "ANSWERED",
      note: "Yes, one scoop.",
      decidedById: f.a.jane.id,
      decisionScope: null,
    });
    const [audit] = await db.auditEvent.findMany({ where: { action: "request.answered", subjectId: requestId } });
    expect(audit).toMatchObject({ actorId: f.a.jane.id, childId: f.a.henry.id });
    expect(audit?.data).toEqual({ childId: f.a.henry.id, question: QUESTION, answer: "Yes, one scoop." });
    const events = await resolvedEvents(requestId);
    expect(events.map((e) => e.data)).toEqual([
      { requestId, chatId: ctx.chatId, status: "ANSWERED", decidedByName: "Jane", decidedAt: expect.any(String) },
    ]);
    expect(events[0]?.childId).toBe(f.a.henry.id);

    const scope = { chatId: ctx.chatId, childId: f.a.henry.id, familyId: f.a.familyId };
    const first = await db.$transaction((tx) => claimUnreportedOutcomes(tx, scope));
    const second = await db.$transaction((tx) => claimUnreportedOutcomes(tx, scope));
    expect(first).toEqual([
      {
        requestId,
        kind: "QUESTION",
        status: "ANSWERED",
        question: QUESTION,
        note: "Yes, one scoop.",
        restaurantName: null,
        decidedByName: "Jane",
      },
    ]);
    expect(second).toEqual([]);
  });

  it("10 parallel answers by both parents: one ANSWERED, one audit row, one event", async () => {
    const { requestId } = await pendingQuestion();

    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        answerQuestion({ actor: i % 2 ? f.a.joe : f.a.jane, requestId, answer: `answer ${i}` }),
      ),
    );

    expect(settled.filter((s) => s.status === "rejected")).toEqual([]);
    const results = settled.map((s) => (s as PromiseFulfilledResult<DecideResult>).value);
    const winners = results.filter((r) => r.outcome === "decided");
    expect(winners).toHaveLength(1);
    const request = await db.approvalRequest.findUniqueOrThrow({
      where: { id: requestId },
      include: { decidedBy: true },
    });
    expect(request.status).toBe("ANSWERED");
    expect(request.note).toMatch(/^answer \d$/);
    // Everyone else is told who answered first, and when.
    for (const result of results.filter((r) => r.outcome !== "decided")) {
      expect(result).toEqual({
        outcome: "already-decided",
        status: "ANSWERED",
        decidedByName: request.decidedBy?.name,
        decidedAt: request.decidedAt,
      });
    }
    expect(await countAudit(f.a.familyId, "request.answered", requestId)).toBe(1);
    expect(await resolvedEvents(requestId)).toHaveLength(1);
  });

  it("a second answer, even with the same words, is told who answered; nothing changes", async () => {
    const { requestId } = await pendingQuestion();
    await answerQuestion({ actor: f.a.jane, requestId, answer: "Yes" });

    const again = await answerQuestion({ actor: f.a.jane, requestId, answer: "Yes" });
    const joe = await answerQuestion({ actor: f.a.joe, requestId, answer: "No" });

    expect(again).toMatchObject({ outcome: "already-decided", status: "ANSWERED", decidedByName: "Jane" });
    expect(joe).toMatchObject({ outcome: "already-decided", status: "ANSWERED", decidedByName: "Jane" });
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).note).toBe("Yes");
    expect(await countAudit(f.a.familyId, "request.answered", requestId)).toBe(1);
  });

  it("an expired question: expired, no answer stored", async () => {
    const { requestId } = await pendingQuestion();
    const { expiresAt } = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });

    const result = await answerQuestion({
      actor: f.a.jane,
      requestId,
      answer: "Yes",
      now: new Date(expiresAt.getTime() + 1),
    });

    expect(result).toEqual({ outcome: "expired" });
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "EXPIRED",
      note: null,
    });
    expect(await countAudit(f.a.familyId, "request.expired", requestId)).toBe(1);
    expect(await countAudit(f.a.familyId, "request.answered", requestId)).toBe(0);
  });

  it("a parent of family B: not found, nothing changed", async () => {
    const { requestId } = await pendingQuestion();
    const auditBefore = await db.auditEvent.count();

    await expect(answerQuestion({ actor: f.b.quinn, requestId, answer: "mine" })).rejects.toMatchObject({
      code: "not_found:request",
      status: 404,
    });

    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("PENDING");
    expect(await db.auditEvent.count()).toBe(auditBefore);
  });

  it("a child cannot answer; an empty or too long reply is refused; nothing changed", async () => {
    const { requestId } = await pendingQuestion();

    await expect(answerQuestion({ actor: f.a.henry, requestId, answer: "yes!" })).rejects.toMatchObject({
      code: "forbidden:decision",
    });
    await expect(answerQuestion({ actor: f.a.jane, requestId, answer: "   " })).rejects.toMatchObject({
      code: "bad_request:answer",
      message: "Write a reply.",
    });
    await expect(answerQuestion({ actor: f.a.jane, requestId, answer: "x".repeat(501) })).rejects.toMatchObject({
      code: "bad_request:answer",
      message: "Keep the reply under 500 characters.",
    });
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "PENDING",
      note: null,
    });
  });

  it("approve or deny on a question: a clear error; answering an order: a clear error", async () => {
    const { requestId } = await pendingQuestion();
    for (const decision of ["APPROVE", "DENY"] as const) {
      await expect(decideRequest({ actor: f.a.jane, requestId, decision })).rejects.toMatchObject({
        code: "bad_request:decision",
        message: "A question is answered with a reply, not approved or denied.",
      });
    }
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("PENDING");

    const ctx = await newChatContext(f.a.henry);
    const deluxe = f.a.dish("Deluxe Burger");
    const order = await submitOrder(
      ctx,
      { restaurantId: deluxe.restaurantId, items: [{ dishId: deluxe.id, quantity: 1 }] },
      toolCallId(),
    );
    if (order.status !== "pending") throw new Error("expected pending");
    await expect(answerQuestion({ actor: f.a.jane, requestId: order.requestId, answer: "ok" })).rejects.toMatchObject({
      code: "bad_request:answer",
    });
  });
});
