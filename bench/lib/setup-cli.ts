// Creates the bench's data through the app's own services, in a process of its own so each run talks to the
// database named by its DATABASE_URL (the app's Prisma client is one per process).
// Usage: DATABASE_URL=… node --import tsx --import ./bench/hooks.mjs bench/lib/setup-cli.ts <task> '<json>'
// Prints one line of JSON: the task's result.
import { randomUUID } from "node:crypto";

type ChildrenTask = { prefix: string; count: number };
type InboxTask = { prefix: string; children: number; total: number; pending: number };

const [task = "", json = "{}"] = process.argv.slice(2);

const { db } = await import("@/lib/db");
const { createChild } = await import("@/lib/family/children");
const { submitOrder } = await import("@/lib/orders/submit-order");
const { decideRequest } = await import("@/lib/approvals/decide");

async function parent() {
  const row = await db.user.findFirstOrThrow({
    where: { email: "jane@example.com" },
    select: { id: true, name: true, role: true, familyId: true },
  });
  return { ...row, role: "PARENT" as const };
}

/** Children of the demo family with the demo password, made as a parent would on Family → Children. */
async function children({ prefix, count }: ChildrenTask) {
  const jane = await parent();
  const logins: string[] = [];
  for (let i = 0; i < count; i++) {
    const username = `${prefix}${i}`;
    await createChild(jane, { name: `Kid ${i + 1}`, username, secret: "lunchbox" });
    logins.push(username);
  }
  return { logins };
}

/**
 * A family inbox with `total` requests, `pending` of them still waiting: children ask for premium dishes
 * through the placeOrder tool's service, a parent decides all but the last `pending` (alternately approve, deny).
 */
async function inbox({ prefix, children: count, total, pending }: InboxTask) {
  const jane = await parent();
  const { logins } = await children({ prefix, count });
  const kids = await db.user.findMany({
    where: { username: { in: logins } },
    select: { id: true, name: true, familyId: true },
  });
  const deluxe = await db.dish.findFirstOrThrow({ where: { familyId: jane.familyId, name: "Deluxe Burger" } });
  const chats = new Map<string, string>();
  for (const kid of kids) {
    const chat = await db.chat.create({
      data: { id: `chat-${randomUUID()}`, familyId: kid.familyId, childId: kid.id },
    });
    chats.set(kid.id, chat.id);
  }
  const perChild = Math.ceil(total / kids.length);
  const waiting = Math.ceil(pending / kids.length);
  let made = 0;
  // Rounds of up to `waiting + 1` requests per child (the rules let 5 wait at once), decided but for the last round.
  for (let done = 0; done < perChild; ) {
    const round = Math.min(perChild - done, 4);
    const last = done + round >= perChild;
    for (const kid of kids) {
      const ids: string[] = [];
      for (let q = 1; q <= round; q++) {
        if (made >= total) break;
        const ctx = {
          familyId: kid.familyId,
          childId: kid.id,
          childName: kid.name,
          chatId: chats.get(kid.id) ?? "",
          childWords: `${q} deluxe burgers please`,
        };
        const out = await submitOrder(
          ctx,
          { restaurantId: deluxe.restaurantId, items: [{ dishId: deluxe.id, quantity: q }] },
          `call-${randomUUID()}`,
        );
        if (out.status !== "pending") throw new Error(`expected a pending request, got ${out.status}`);
        ids.push(out.requestId);
        made++;
      }
      const keep = last ? waiting : 0;
      for (const [i, id] of ids.slice(0, ids.length - keep).entries()) {
        await decideRequest({ actor: jane, requestId: id, decision: i % 2 === 0 ? "APPROVE" : "DENY" });
      }
    }
    done += round;
  }
  const counts = await db.approvalRequest.groupBy({ by: ["status"], _count: true, where: { familyId: jane.familyId } });
  return { logins, counts: Object.fromEntries(counts.map((c) => [c.status, c._count])) };
}

/** The inbox's own query (lib/approvals/queries getInbox), timed in this process after a warm-up. */
async function inboxQuery({ samples }: { samples: number }) {
  const { getInbox, countPendingForFamily } = await import("@/lib/approvals/queries");
  const jane = await parent();
  const times: number[] = [];
  let shown = 0;
  for (let i = 0; i < samples + 3; i++) {
    const t0 = performance.now();
    const [page] = await Promise.all([getInbox({ familyId: jane.familyId }), countPendingForFamily(jane)]);
    if (i >= 3) times.push(performance.now() - t0);
    shown = page.pending.length + page.decided.length;
  }
  const requests = await db.approvalRequest.count({ where: { familyId: jane.familyId } });
  return { times, shown, requests };
}

const tasks: Record<string, (input: never) => Promise<unknown>> = { children, inbox, inboxQuery };
const run = tasks[task];
if (!run) throw new Error(`unknown task ${task}`);
console.log(JSON.stringify(await run(JSON.parse(json) as never)));
// On PostgreSQL the services' notifyFamily opened the bus's LISTEN connection: close it, or the process never ends.
const { closeBus } = await import("@/lib/events/bus");
await closeBus();
await db.$disconnect();
