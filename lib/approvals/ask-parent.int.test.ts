// askParent's server side on a real SQLite copy: one QUESTION request, audited and announced; merges; the cap.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_QUESTION_LENGTH } from "@/lib/ai/tools/contracts";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import { explainReasons } from "@/lib/policy";
import { countAudit, type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { cleanQuestion, submitQuestion } from "./ask-parent";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

// Requests left pending by one test would merge with, or count against the cap of, the next test's.
beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
});

async function familyState(familyId: string) {
  const [requests, audit, events] = await Promise.all([
    db.approvalRequest.count({ where: { familyId } }),
    db.auditEvent.count({ where: { familyId } }),
    db.event.count({ where: { familyId } }),
  ]);
  return { requests, audit, events };
}

describe("submitQuestion", () => {
  it("writes one pending QUESTION request with its audit row and event", async () => {
    const ctx = await newChatContext(f.a.henry, "ask mum if I can have dessert tonight");
    const before = await countAudit(f.a.familyId, "request.created");

    const result = await submitQuestion(ctx, "  Can I have dessert tonight?  ", toolCallId());

    expect(result).toMatchObject({ status: "pending", question: "Can I have dessert tonight?" });
    if (result.status !== "pending") throw new Error("expected pending");
    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: result.requestId } });
    expect(request).toMatchObject({
      familyId: f.a.familyId,
      childId: f.a.henry.id,
      chatId: ctx.chatId,
      kind: "QUESTION",
      status: "PENDING",
      restaurantId: null,
      childWords: "ask mum if I can have dessert tonight",
      snapshot: { kind: "QUESTION", question: "Can I have dessert tonight?" },
      reasons: [{ code: "QUESTION_FOR_PARENT" }],
    });
    expect(await countAudit(f.a.familyId, "request.created")).toBe(before + 1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: request.id } });
    expect(audit).toMatchObject({ action: "request.created", childId: f.a.henry.id });
    const event = await db.event.findFirstOrThrow({ where: { type: "request.created" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ familyId: f.a.familyId, childId: f.a.henry.id });
    expect(event.data).toMatchObject({ requestId: request.id, kind: "QUESTION" });
  });

  it("asking the same question again merges into the waiting one", async () => {
    const ctx = await newChatContext(f.a.henry);
    const first = await submitQuestion(ctx, "Can I stay up late?", toolCallId());
    const before = await familyState(f.a.familyId);
    const again = await submitQuestion(await newChatContext(f.a.henry), "Can I stay up late?", toolCallId());
    expect(again).toEqual(first);
    expect(await familyState(f.a.familyId)).toEqual(before);
    // Another child's identical question is their own.
    const rose = await submitQuestion(await newChatContext(f.a.rose), "Can I stay up late?", toolCallId());
    expect(rose.status === "pending" && first.status === "pending" && rose.requestId !== first.requestId).toBe(true);
  });

  it("at the pending cap the question is refused in the policy's words and nothing is written", async () => {
    const rules = await getFamilyRules(f.a);
    const ctx = await newChatContext(f.a.henry);
    for (let i = 0; i < rules.maxPendingPerChild; i++) {
      expect((await submitQuestion(ctx, `Question number ${i}?`, toolCallId())).status).toBe("pending");
    }
    const before = await familyState(f.a.familyId);

    const refused = await submitQuestion(ctx, "One more question?", toolCallId());

    expect(refused).toEqual({
      status: "refused",
      message: explainReasons([{ code: "PENDING_CAP", max: rules.maxPendingPerChild }]).join(" "),
    });
    expect(await familyState(f.a.familyId)).toEqual(before);
    // The same question as one already waiting still merges, even at the cap.
    expect((await submitQuestion(ctx, "Question number 0?", toolCallId())).status).toBe("pending");
    // Rose is not held back by Henry's cap.
    expect((await submitQuestion(await newChatContext(f.a.rose), "One more question?", toolCallId())).status).toBe(
      "pending",
    );
  });

  it("keeps each family's questions in that family", async () => {
    const before = await familyState(f.a.familyId);
    const result = await submitQuestion(await newChatContext(f.b.dana), "Can I have tacos tomorrow?", toolCallId());
    if (result.status !== "pending") throw new Error("expected pending");
    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: result.requestId } });
    expect(request.familyId).toBe(f.b.familyId);
    expect(await countAudit(f.b.familyId, "request.created", request.id)).toBe(1);
    expect(await familyState(f.a.familyId)).toEqual(before);
  });
});

describe("cleanQuestion", () => {
  it.each([
    ["  Can I\n\nhave   dessert?  ", "Can I have dessert?"],
    ["x".repeat(MAX_QUESTION_LENGTH), "x".repeat(MAX_QUESTION_LENGTH)],
    ["y".repeat(MAX_QUESTION_LENGTH + 50), `${"y".repeat(MAX_QUESTION_LENGTH - 1)}…`],
  ])("%#", (raw, cleaned) => {
    expect(cleanQuestion(raw)).toBe(cleaned);
    expect(cleanQuestion(raw).length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
  });
});
