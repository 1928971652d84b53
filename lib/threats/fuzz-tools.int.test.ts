// THREATS.md row 17: tool misuse with silly arguments. Whatever the model sends, a tool call ends in a clean
// validation error or a valid effect inside the family and within the caps: never an exception, never
// another family's food, never more than the caps allow.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_LINES, MAX_QUANTITY, placeOrderInput, requestRestaurantAccessInput } from "@/lib/ai/tools/contracts";
import { submitAccessRequest } from "@/lib/approvals/request-access";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { findViolations, NO_VIOLATIONS } from "./invariants";
import { runs } from "./runs";

let f: Families;
const tally = { invalid: 0, placed: 0, pending: 0, refused: 0 };

beforeAll(async () => {
  f = await loadFamilies();
});
afterAll(() => {
  console.info(
    `[threat 17] ${tally.invalid + tally.placed + tally.pending + tally.refused} random tool calls → ` +
      `${tally.invalid} rejected by the schema, ${tally.refused} refused, ${tally.pending} asked a parent, ` +
      `${tally.placed} placed; 0 exceptions`,
  );
});

/** Ids a model could send: the family's own, another family's, and rubbish. */
function ids() {
  const own = [...["Pizza Palace", "Burger Bonanza", "Sushi World", "Fancy French"].map((n) => f.a.restaurant(n).id)];
  const dishes = ["Cheese Pizza", "Deluxe Burger", "Fries", "Sushi Platter", "Escargot"].map((n) => f.a.dish(n).id);
  const foreign = [f.b.restaurant("Taco Town").id, f.b.dish("Steak Burrito").id, f.b.dish("Bean Taco").id];
  const rubbish = ["", " ", "__proto__", "constructor", "' OR 1=1 --", "x".repeat(65), "../../etc/passwd", "🍕"];
  return fc.oneof(fc.constantFrom(...own, ...dishes, ...foreign, ...rubbish), fc.string({ maxLength: 70 }));
}

const quantity = fc.oneof(
  fc.integer({ min: -5, max: 25 }),
  fc.constantFrom(0, 500, 1e9, Number.MAX_SAFE_INTEGER, 1.5, Number.NaN, -0),
  fc.string({ maxLength: 4 }),
  fc.constant(null),
);

/** Mostly well-formed calls with wrong values (the interesting ones), some with forged extra keys, some rubbish. */
function orderArguments() {
  const line = fc.record({ dishId: ids(), quantity });
  const forgedLine = fc.record({ dishId: ids(), quantity, unitPriceCents: fc.integer(), approved: fc.boolean() });
  const items = (of: fc.Arbitrary<object>) => fc.array(of, { maxLength: MAX_LINES + 3 });
  // A real restaurant with dishes from its own menu: the calls the policy itself must judge.
  const coherent = fc.constantFrom(...["Pizza Palace", "Burger Bonanza", "Sushi World"]).chain((name) => {
    const restaurant = f.a.restaurant(name);
    const dishLine = fc.record({
      dishId: fc.constantFrom(...restaurant.dishes.map((d) => d.id)),
      quantity: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: quantity }),
    });
    return fc.record({
      restaurantId: fc.constant(restaurant.id),
      items: fc.array(dishLine, { minLength: 1, maxLength: 4 }),
    });
  });
  return fc.oneof(
    { weight: 4, arbitrary: coherent },
    { weight: 3, arbitrary: fc.record({ restaurantId: ids(), items: items(line) }) },
    { weight: 1, arbitrary: fc.record({ restaurantId: ids(), items: items(forgedLine), status: fc.string() }) },
    { weight: 1, arbitrary: fc.anything() },
  );
}

/** Spends pending requests so the cap does not hide later calls from the policy. */
async function expirePending() {
  await db.approvalRequest.updateMany({
    where: { childId: f.a.henry.id, status: "PENDING" },
    data: { status: "EXPIRED" },
  });
}

describe("placeOrder with random arguments", () => {
  it("a clean error or a valid effect within the family and the caps", async () => {
    const ctx = await newChatContext(f.a.henry, "fuzz");
    const ownDishes = new Set(
      (await db.dish.findMany({ where: { familyId: f.a.familyId }, select: { id: true } })).map((d) => d.id),
    );
    await fc.assert(
      fc.asyncProperty(orderArguments(), async (args) => {
        const parsed = placeOrderInput.safeParse(args);
        if (!parsed.success) {
          tally.invalid += 1;
          return;
        }
        const result = await submitOrder(ctx, parsed.data, toolCallId());
        tally[result.status] += 1;
        if (result.status === "placed") {
          const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId } });
          const items = order.items as Array<{ dishId: string; quantity: number }>;
          expect(order.familyId).toBe(f.a.familyId);
          expect(items.length).toBeLessThanOrEqual(MAX_LINES);
          for (const item of items) {
            expect(ownDishes.has(item.dishId)).toBe(true);
            expect(item.quantity).toBeGreaterThanOrEqual(1);
            expect(item.quantity).toBeLessThanOrEqual(MAX_QUANTITY);
          }
        }
        await expirePending();
      }),
      { numRuns: runs(150, 2000) },
    );
    expect(await findViolations(f.a.familyId)).toEqual(NO_VIOLATIONS);
    expect(await db.order.count({ where: { familyId: f.b.familyId } })).toBe(0);
  });
});

describe("requestRestaurantAccess with random arguments", () => {
  it("a clean error or a pending request for one of the family's restaurants", async () => {
    const ctx = await newChatContext(f.a.henry, "fuzz");
    const grantsBefore = await db.accessGrant.count();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.record({ restaurantId: ids() }), fc.anything()), async (args) => {
        const parsed = requestRestaurantAccessInput.safeParse(args);
        if (!parsed.success) {
          tally.invalid += 1;
          return;
        }
        const result = await submitAccessRequest(ctx, parsed.data.restaurantId, toolCallId());
        if (result.status === "pending") {
          tally.pending += 1;
          const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: result.requestId } });
          expect(request.familyId).toBe(f.a.familyId);
        } else {
          tally.refused += 1;
        }
        await expirePending();
      }),
      { numRuns: runs(100, 1000) },
    );
    expect(await db.accessGrant.count()).toBe(grantsBefore);
  });
});
