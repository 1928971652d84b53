// Helpers for integration tests: look up the seeded families and build service inputs.
// Imports `@/lib/db`, so only import it from test files (after lib/testing/int-setup.ts has set DATABASE_URL).
import { randomUUID } from "node:crypto";
import type { ToolContext } from "@/lib/ai/tools/context";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { FAMILY_B } from "./test-db";

type Role = "PARENT" | "CHILD";

async function user(where: { email: string } | { username: string }): Promise<Actor> {
  const row = await db.user.findFirstOrThrow({
    where,
    select: { id: true, name: true, role: true, familyId: true },
  });
  return { ...row, role: row.role as Role };
}

async function catalogue(familyId: string) {
  const restaurants = await db.restaurant.findMany({ where: { familyId }, include: { dishes: true } });
  const restaurant = (name: string) => {
    const found = restaurants.find((r) => r.name === name);
    if (!found) throw new Error(`No restaurant ${name}`);
    return found;
  };
  const dish = (name: string) => {
    const found = restaurants.flatMap((r) => r.dishes).find((d) => d.name === name);
    if (!found) throw new Error(`No dish ${name}`);
    return found;
  };
  return { restaurant, dish };
}

/** The two seeded families: the demo family A (Joe, Jane, Henry, Rose) and family B (Quinn, Dana). */
export async function loadFamilies() {
  const [joe, jane, henry, rose, quinn, dana] = await Promise.all([
    user({ email: "joe@example.com" }),
    user({ email: "jane@example.com" }),
    user({ username: "henry" }),
    user({ username: "rose" }),
    user({ email: FAMILY_B.parent.email }),
    user({ username: FAMILY_B.child.username }),
  ]);
  return {
    a: { familyId: jane.familyId, joe, jane, henry, rose, ...(await catalogue(jane.familyId)) },
    b: { familyId: quinn.familyId, quinn, dana, ...(await catalogue(quinn.familyId)) },
  };
}

export type Families = Awaited<ReturnType<typeof loadFamilies>>;

/** Creates a chat row for the child (requests reference it) and returns the tool context of a turn in it. */
export async function newChatContext(child: Actor, childWords = "Can I have this please?"): Promise<ToolContext> {
  const chat = await db.chat.create({
    data: { id: `chat-${randomUUID()}`, familyId: child.familyId, childId: child.id },
  });
  return { familyId: child.familyId, childId: child.id, childName: child.name, chatId: chat.id, childWords };
}

/** A fresh tool call id, as the model would give each call. */
export function toolCallId(): string {
  return `call-${randomUUID()}`;
}

/** Counts rows of a family's audit trail with the given action. */
export function countAudit(familyId: string, action: string, subjectId?: string): Promise<number> {
  return db.auditEvent.count({ where: { familyId, action, ...(subjectId ? { subjectId } : {}) } });
}

/**
 * The child asks (through the placeOrder tool's service) for a dish of the family; returns the pending
 * request's id, or throws when the rules let the order through without a parent.
 */
export async function askParentFor(child: Actor, dishName: string, quantity = 1): Promise<string> {
  const family = await catalogue(child.familyId);
  const dish = family.dish(dishName);
  const ctx = await newChatContext(child, `${quantity} ${dishName} please`);
  const result = await submitOrder(
    ctx,
    { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity }] },
    toolCallId(),
  );
  if (result.status !== "pending") throw new Error(`expected a pending request, got ${JSON.stringify(result)}`);
  return result.requestId;
}
