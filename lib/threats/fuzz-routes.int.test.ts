// THREATS.md row 17 at the HTTP edge: random chat bodies and random decisions through the real route handlers
// (only the session lookup is stood in for). Each ends in a clean 2xx/4xx, never a 500, never an effect
// outside the caller's family.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { findViolations, NO_VIOLATIONS } from "./invariants";
import { runs } from "./runs";

const session = vi.hoisted(() => ({ userId: "" }));
vi.mock("@/lib/auth", () => ({ auth: async () => ({ user: { id: session.userId } }) }));

const { POST: postChat } = await import("@/app/api/chat/route");
const { POST: postDecision } = await import("@/app/api/requests/[id]/decision/route");

let f: Families;
const statuses = new Map<string, number>();
const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);

beforeAll(async () => {
  f = await loadFamilies();
  vi.stubEnv("OFFLINE_MODEL_DELAY_MS", "0");
  vi.stubEnv("CHAT_TURNS_PER_MINUTE", "100000");
});
afterAll(() => {
  vi.unstubAllEnvs();
  console.info(
    `[threat 17] random bodies at the route handlers → ${[...statuses].map(([k, n]) => `${k}×${n}`).join(", ")}; 0 × 500`,
  );
});

const text = fc.oneof(
  fc.constantFrom("I want a cheese pizza", "deluxe burger please", "ask mum if I can have cake", "what's waiting?"),
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", " ", "x".repeat(1001), "__proto__", "<script>alert(1)</script>"),
);
const id = fc.oneof(
  { weight: 4, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
  { weight: 1, arbitrary: fc.constantFrom("__proto__", "../x", "") },
);

const chatBody = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      id,
      message: fc.record({
        id,
        role: fc.oneof({ weight: 4, arbitrary: fc.constant("user") }, fc.constantFrom("assistant", "system")),
        parts: fc.oneof(
          { weight: 4, arbitrary: fc.tuple(fc.record({ type: fc.constant("text"), text })) },
          { weight: 1, arbitrary: fc.array(fc.oneof(fc.record({ type: fc.constant("text"), text }), fc.anything())) },
        ),
      }),
    }),
  },
  { weight: 1, arbitrary: fc.anything() },
);

describe("POST /api/chat with random bodies", () => {
  it("a clean answer, never a 500, and nothing outside the rules", async () => {
    session.userId = f.a.henry.id;
    await fc.assert(
      fc.asyncProperty(chatBody, async (body) => {
        const response = await postChat(
          new Request("http://localhost/api/chat", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body) ?? "null",
          }),
        );
        await response.text();
        count(`chat ${response.status}`);
        expect([200, 400, 404]).toContain(response.status);
        await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "EXPIRED" } });
      }),
      { numRuns: runs(60, 600) },
    );
    expect(await findViolations(f.a.familyId)).toEqual(NO_VIOLATIONS);
  });
});

describe("POST /api/requests/[id]/decision with random bodies and ids", () => {
  it("a clean answer, never a 500; only this family's requests move, and only as the body said", async () => {
    session.userId = f.a.jane.id;
    const otherFamily = await newChatContext(f.b.dana);
    const taco = f.b.dish("Steak Burrito");
    const foreign = await submitOrder(
      otherFamily,
      { restaurantId: taco.restaurantId, items: [{ dishId: taco.id, quantity: 1 }] },
      toolCallId(),
    );
    const foreignId = foreign.status === "pending" ? foreign.requestId : "none";

    const dishId = fc.oneof(fc.constantFrom(f.a.dish("Deluxe Burger").id, f.a.dish("Fries").id, taco.id), id);
    const decision = fc.record(
      {
        decision: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("APPROVE", "DENY") }, fc.string({ maxLength: 8 })),
        scope: fc.constantFrom("ONCE", "ALWAYS_RESTAURANT", "ALWAYS_DISH", "FOREVER"),
        note: fc.string({ maxLength: 600 }),
        edit: fc.oneof(
          {
            weight: 3,
            arbitrary: fc.record({
              items: fc.array(fc.record({ dishId, quantity: fc.integer({ min: -2, max: 30 }) }), { maxLength: 3 }),
            }),
          },
          { weight: 1, arbitrary: fc.anything() },
        ),
      },
      { requiredKeys: ["decision"] },
    );
    const forged = fc.record({ decision: fc.constant("APPROVE"), status: fc.constant("APPROVED") });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 6, arbitrary: decision },
          { weight: 1, arbitrary: forged },
          { weight: 1, arbitrary: fc.anything() },
        ),
        fc.boolean(),
        async (body, aimAtOtherFamily) => {
          const ctx = await newChatContext(f.a.henry, "deluxe");
          const deluxe = f.a.dish("Deluxe Burger");
          const asked = await submitOrder(
            ctx,
            { restaurantId: deluxe.restaurantId, items: [{ dishId: deluxe.id, quantity: 1 }] },
            toolCallId(),
          );
          const requestId = aimAtOtherFamily || asked.status !== "pending" ? foreignId : asked.requestId;
          const response = await postDecision(
            new Request(`http://localhost/api/requests/${requestId}/decision`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(body) ?? "null",
            }),
            { params: Promise.resolve({ id: requestId }) },
          );
          count(`decision ${response.status}`);
          expect([200, 400, 404, 409]).toContain(response.status);
          await db.approvalRequest.updateMany({
            where: { familyId: f.a.familyId, status: "PENDING" },
            data: { status: "EXPIRED" },
          });
          // An "always this dish" approval would let every later Deluxe Burger through without a request.
          await db.accessGrant.updateMany({
            where: { childId: f.a.henry.id, revokedAt: null },
            data: { revokedAt: new Date() },
          });
        },
      ),
      { numRuns: runs(80, 800) },
    );
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: foreignId } })).toMatchObject({
      status: "PENDING",
    });
    expect(await db.order.count({ where: { familyId: f.b.familyId } })).toBe(0);
    expect(await findViolations(f.a.familyId)).toEqual(NO_VIOLATIONS);
  });
});
