// THREATS.md rows 2, 3, 20: every cell of lib/threats/authz-matrix.ts through the real handler or server action
// and a real database. Only the session lookup is stood in for, so requireActor still re-reads role, family and
// `active` from the database. Each cell builds a fresh object to point at, checks who it acts as, calls, and
// then checks the outcome: the effect for allowed cells; for refusals, that nothing at all changed.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { ACTORS, type ActorSpec, CELLS, type Cell, cellName, type FamilyKey, type Outcome } from "./authz-matrix";

const session = vi.hoisted(() => ({ userId: "" }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
// Server actions refresh pages after a change; there are no pages here.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const { auth } = await import("@/lib/auth");
const { POST: postChat } = await import("@/app/api/chat/route");
const { GET: resumeChat } = await import("@/app/api/chat/[id]/stream/route");
const { GET: chatStatus } = await import("@/app/api/chat/status/route");
const { GET: events } = await import("@/app/api/events/route");
const { POST: decideApi } = await import("@/app/api/requests/[id]/decision/route");
const { GET: exportActivity } = await import("@/app/(parent)/activity/export/route");
const { GET: health } = await import("@/app/api/health/route");
const { decideAction, answerAction } = await import("@/app/(parent)/inbox/actions");
const restaurantActions = await import("@/app/(parent)/family/restaurants/actions");
const childActions = await import("@/app/(parent)/family/children/actions");
const { revokeGrantAction } = await import("@/app/(parent)/family/grants/actions");
const { saveRulesAction } = await import("@/app/(parent)/family/rules/actions");
const notifyActions = await import("@/app/(parent)/family/notifications/actions");
const { GET: pushKey } = await import("@/app/api/push/public-key/route");
const { POST: pushSubscribe } = await import("@/app/api/push/subscriptions/route");
const { submitOrder } = await import("@/lib/orders/submit-order");
const { submitQuestion } = await import("@/lib/approvals/ask-parent");
const { getFamilyRules } = await import("@/lib/catalogue/queries");
const { rulesFormValues } = await import("@/lib/family/rules-values");
const { centsToDollarsInput } = await import("@/lib/family/money");

let f: Families;
let ran = 0;
let asExpected = 0;

beforeAll(async () => {
  f = await loadFamilies();
  vi.stubEnv("OFFLINE_MODEL_DELAY_MS", "0");
});

afterAll(() => {
  vi.unstubAllEnvs();
  console.info(`[threats 2/3/20] authz matrix: ${CELLS.length} cells, ${asExpected} as expected`);
  // Each cell fails on its own; this catches a cell that ended without reaching its last check.
  expect(asExpected).toBe(ran);
});

// ---------------------------------------------------------------------------------------------------------------
// Who and what.

const family = (key: FamilyKey) => (key === "A" ? f.a : f.b);
const otherOf = (key: FamilyKey): FamilyKey => (key === "A" ? "B" : "A");

function userOf(actor: ActorSpec): Actor | null {
  const users = { henry: f.a.henry, jane: f.a.jane, joeRemoved: f.a.joe, quinn: f.b.quinn, dana: f.b.dana };
  return actor.key === "anonymous" ? null : users[actor.key];
}

/** The family whose object a cell points at: the actor's own (family A when signed out) or the other one. */
function targetFamily(cell: Cell): FamilyKey {
  const home = cell.actor.family ?? "A";
  return cell.relation === "other" ? otherOf(home) : home;
}

/** The child who owns a child-owned object: the actor, a sibling, or the target family's first child. */
function ownerChild(cell: Cell): Actor {
  const user = userOf(cell.actor);
  if (cell.relation === "own" && user) return user;
  const key = targetFamily(cell);
  if (cell.relation === "family" && cell.actor.role === "CHILD") return key === "A" ? f.a.rose : f.b.dana;
  return key === "A" ? f.a.henry : f.b.dana;
}

const PREMIUM_DISH: Record<FamilyKey, string> = { A: "Deluxe Burger", B: "Steak Burrito" };
const ANY_RESTAURANT: Record<FamilyKey, string> = { A: "Fancy French", B: "Taco Town" };

const unique = () => randomUUID().slice(0, 8);

/** Pending requests left by earlier cells would merge with, or count against the cap of, a new one. */
async function parkPendingRequests() {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
}

/** A fresh object for the cell to point at, so an allowed cell never changes what another cell uses. */
async function createTarget(cell: Cell): Promise<string> {
  const key = targetFamily(cell);
  const { familyId } = family(key);
  switch (cell.action.object) {
    case undefined:
      return "";
    case "chat":
      return (await newChatContext(ownerChild(cell))).chatId;
    case "request": {
      await parkPendingRequests();
      const child = ownerChild(cell);
      const dish = family(child.familyId === f.a.familyId ? "A" : "B").dish(PREMIUM_DISH[key]);
      const result = await submitOrder(
        await newChatContext(child, "Can I have this please?"),
        { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity: 1 }] },
        toolCallId(),
      );
      if (result.status !== "pending") throw new Error(`expected a pending request, got ${JSON.stringify(result)}`);
      return result.requestId;
    }
    case "question": {
      await parkPendingRequests();
      const result = await submitQuestion(await newChatContext(ownerChild(cell)), "Can I stay up late?", toolCallId());
      if (result.status !== "pending") throw new Error(`expected a pending question, got ${JSON.stringify(result)}`);
      return result.requestId;
    }
    case "grant": {
      const child = ownerChild(cell);
      const parent = key === "A" ? f.a.jane : f.b.quinn;
      const grant = await db.accessGrant.create({
        data: {
          familyId,
          childId: child.id,
          restaurantId: family(key).restaurant(ANY_RESTAURANT[key]).id,
          scope: "ALWAYS",
          createdById: parent.id,
        },
      });
      return grant.id;
    }
    case "child": {
      // The actor's own account, or a child made for this cell (removing Henry would break later cells).
      if (cell.relation === "own") return ownerChild(cell).id;
      const child = await db.user.create({
        data: { familyId, role: "CHILD", name: `Kid ${unique()}`, username: `kid-${unique()}`, passwordHash: "-" },
      });
      return child.id;
    }
    case "restaurant": {
      const restaurant = await db.restaurant.create({ data: { familyId, name: `Cafe ${unique()}` } });
      return restaurant.id;
    }
    case "dish": {
      const restaurantId = family(key).restaurant(ANY_RESTAURANT[key]).id;
      const dish = await db.dish.create({
        data: { familyId, restaurantId, name: `Dish ${unique()}`, priceCents: 500 },
      });
      return dish.id;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// How each action is called, and what "it worked" means for it.

type Observed = { outcome: Outcome | `other: ${string}`; detail: string };
type Call = { observed: Observed; effect?: () => Promise<void> };
type Run = (target: string, cell: Cell) => Promise<Call>;

function fromStatus(status: number, body: string): Observed {
  const outcome =
    status >= 200 && status < 300
      ? "ok"
      : status === 401
        ? "unauthenticated"
        : status === 403
          ? "forbidden"
          : status === 404
            ? "not-found"
            : (`other: ${status}` as const);
  return { outcome, detail: `${status} ${body.slice(0, 200)}` };
}

type State = { ok?: boolean; message?: string };

function fromState(state: State): Observed {
  const message = state.message ?? "";
  const outcome = state.ok
    ? "ok"
    : message === "Please sign in."
      ? "unauthenticated"
      : message.startsWith("Only a parent can")
        ? "forbidden"
        : /does not exist/.test(message)
          ? "not-found"
          : (`other: ${message}` as const);
  return { outcome, detail: JSON.stringify(state) };
}

const sameOrigin = { origin: "http://localhost", host: "localhost" };
const params = (id: string) => ({ params: Promise.resolve({ id }) });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** The family the actor acts in (signed out: family A, whose rules the form would show). */
const homeFamily = (cell: Cell) => family(cell.actor.family ?? "A");

async function expectApprovedWithOrder(requestId: string) {
  const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId }, include: { order: true } });
  expect(request.status).toBe("APPROVED");
  expect(request.order).not.toBeNull();
}

const RUNS: Record<string, Run> = {
  "chat.post": async (chatId) => {
    const text = `hello ${unique()}`;
    const response = await postChat(
      new Request("http://localhost/api/chat", {
        method: "POST",
        headers: { "content-type": "application/json", ...sameOrigin },
        body: JSON.stringify({
          id: chatId,
          message: { id: `m-${unique()}`, role: "user", parts: [{ type: "text", text }] },
        }),
      }),
    );
    const body = await response.text();
    return {
      observed: fromStatus(response.status, body),
      effect: async () => {
        // The reply is saved when the stream ends; wait for it so no write lands in a later cell's before/after.
        await vi.waitFor(async () => expect(await db.message.count({ where: { chatId } })).toBe(2), {
          timeout: 10_000,
        });
        const first = await db.message.findFirstOrThrow({ where: { chatId, role: "user" } });
        expect(JSON.stringify(first.parts)).toContain(text);
      },
    };
  },
  "chat.resume": async (chatId) => {
    const response = await resumeChat(new Request(`http://localhost/api/chat/${chatId}/stream`), params(chatId));
    return { observed: fromStatus(response.status, await response.text()) };
  },
  "chat.status": async () => {
    const response = await chatStatus();
    const body = await response.text();
    return {
      observed: fromStatus(response.status, body),
      effect: async () => expect(JSON.parse(body)).toMatchObject({ pendingCount: expect.any(Number) }),
    };
  },
  events: async () => {
    const abort = new AbortController();
    const response = await events(new Request("http://localhost/api/events", { signal: abort.signal }));
    if (!response.body || response.status !== 200) {
      return { observed: fromStatus(response.status, await response.text()) };
    }
    const reader = response.body.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    await reader.cancel();
    return {
      observed: fromStatus(response.status, first),
      effect: async () => expect(first).toContain(": connected"),
    };
  },
  "api.decide": async (requestId) => {
    const response = await decideApi(
      new Request(`http://localhost/api/requests/${requestId}/decision`, {
        method: "POST",
        headers: { "content-type": "application/json", ...sameOrigin },
        body: JSON.stringify({ decision: "APPROVE" }),
      }),
      params(requestId),
    );
    return {
      observed: fromStatus(response.status, await response.text()),
      effect: () => expectApprovedWithOrder(requestId),
    };
  },
  "activity.export": async (_target, cell) => {
    const response = await exportActivity(new Request("http://localhost/activity/export"));
    const body = await response.text();
    const other = cell.actor.family === "B" ? ["Henry", "Rose", "Jane"] : ["Dana", "Quinn"];
    return {
      observed: fromStatus(response.status, body),
      // The trail of the caller's family only: no name from the other family.
      effect: async () => {
        for (const name of other) expect(body).not.toContain(name);
      },
    };
  },
  "push.key": async () => {
    const response = await pushKey();
    return { observed: fromStatus(response.status, await response.text()) };
  },
  "push.subscribe": async (_target, cell) => {
    const endpoint = `https://push.example/${unique()}`;
    const response = await pushSubscribe(
      new Request("http://localhost/api/push/subscriptions", {
        method: "POST",
        headers: { "content-type": "application/json", ...sameOrigin },
        body: JSON.stringify({ endpoint, keys: { p256dh: "key", auth: "auth" } }),
      }),
    );
    return {
      observed: fromStatus(response.status, await response.text()),
      effect: async () =>
        expect(await db.notificationChannel.findMany({ where: { kind: "PUSH", label: "A browser" } })).toContainEqual(
          expect.objectContaining({ parentId: userOf(cell.actor)?.id, config: expect.objectContaining({ endpoint }) }),
        ),
    };
  },
  "notify.email": async (_target, cell) => {
    const address = `parent-${unique()}@example.com`;
    return {
      observed: fromState(await notifyActions.addEmailAction({}, form({ address }))),
      effect: async () =>
        expect(await db.notificationChannel.findFirstOrThrow({ where: { label: address } })).toMatchObject({
          parentId: userOf(cell.actor)?.id,
          familyId: homeFamily(cell).familyId,
        }),
    };
  },
  "notify.webhook": async (_target, cell) => {
    const url = `https://hooks.example/${unique()}`;
    return {
      observed: fromState(await notifyActions.addWebhookAction({}, form({ url, format: "json" }))),
      effect: async () => {
        const rows = await db.notificationChannel.findMany({ where: { kind: "WEBHOOK" } });
        expect(rows.find((row) => JSON.stringify(row.config).includes(url))).toMatchObject({
          parentId: userOf(cell.actor)?.id,
        });
      },
    };
  },
  "notify.preferences": async (_target, cell) => {
    // A real change each time: the quiet hours move by one minute per call.
    const minute = String(Math.floor(Math.random() * 60)).padStart(2, "0");
    const user = userOf(cell.actor);
    const current = user ? await db.user.findUniqueOrThrow({ where: { id: user.id } }) : null;
    const quietStart = current?.quietStart === `22:${minute}` ? "21:00" : `22:${minute}`;
    return {
      observed: fromState(
        await notifyActions.savePreferencesAction({}, form({ quietStart, quietEnd: "07:00", notifyOn: "ALL" })),
      ),
      effect: async () =>
        expect(await db.user.findUniqueOrThrow({ where: { id: user?.id } })).toMatchObject({ quietStart }),
    };
  },
  health: async () => {
    const response = await health();
    return { observed: fromStatus(response.status, await response.text()) };
  },
  "inbox.decide": async (requestId) => ({
    observed: fromState(await decideAction({}, form({ requestId, intent: "APPROVE" }))),
    effect: () => expectApprovedWithOrder(requestId),
  }),
  "inbox.answer": async (requestId) => ({
    observed: fromState(await answerAction({}, form({ requestId, reply: "Until eight, then bed." }))),
    effect: async () => {
      const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: requestId } });
      expect(request).toMatchObject({ status: "ANSWERED", note: "Until eight, then bed." });
    },
  }),
  "restaurant.create": async (_target, cell) => {
    const name = `New Place ${unique()}`;
    return {
      observed: fromState(await restaurantActions.addRestaurantAction({}, form({ name, restricted: "" }))),
      effect: async () => {
        expect(await db.restaurant.count({ where: { familyId: homeFamily(cell).familyId, name } })).toBe(1);
      },
    };
  },
  "restaurant.update": async (restaurantId) => {
    const name = `Renamed Place ${unique()}`;
    return {
      observed: fromState(
        await restaurantActions.updateRestaurantAction({}, form({ restaurantId, name, restricted: "on" })),
      ),
      effect: async () => {
        const row = await db.restaurant.findUniqueOrThrow({ where: { id: restaurantId } });
        expect(row).toMatchObject({ name, restricted: true });
      },
    };
  },
  "restaurant.remove": async (restaurantId) => ({
    observed: fromState(await restaurantActions.removeRestaurantAction({}, form({ restaurantId }))),
    effect: async () => {
      expect(await db.restaurant.findUniqueOrThrow({ where: { id: restaurantId } })).toMatchObject({ archived: true });
    },
  }),
  "dish.create": async (restaurantId) => {
    const name = `New Dish ${unique()}`;
    return {
      observed: fromState(await restaurantActions.addDishAction({}, form({ restaurantId, name, price: "5.00" }))),
      effect: async () => {
        expect(await db.dish.count({ where: { restaurantId, name, priceCents: 500 } })).toBe(1);
      },
    };
  },
  "dish.update": async (dishId) => {
    const name = `Renamed Dish ${unique()}`;
    return {
      observed: fromState(await restaurantActions.updateDishAction({}, form({ dishId, name, price: "6.50" }))),
      effect: async () => {
        expect(await db.dish.findUniqueOrThrow({ where: { id: dishId } })).toMatchObject({ name, priceCents: 650 });
      },
    };
  },
  "dish.remove": async (dishId) => ({
    observed: fromState(await restaurantActions.removeDishAction({}, form({ dishId }))),
    effect: async () => {
      expect(await db.dish.findUniqueOrThrow({ where: { id: dishId } })).toMatchObject({ archived: true });
    },
  }),
  "child.create": async (_target, cell) => {
    const username = `new-kid-${unique()}`;
    return {
      observed: fromState(await childActions.addChildAction({}, form({ name: "New Kid", username, secret: "123456" }))),
      effect: async () => {
        const row = await db.user.findFirstOrThrow({ where: { username } });
        expect(row).toMatchObject({ familyId: homeFamily(cell).familyId, role: "CHILD", active: true });
      },
    };
  },
  "child.rename": async (childId) => {
    const name = `Renamed ${unique()}`;
    return {
      observed: fromState(await childActions.renameChildAction({}, form({ childId, name }))),
      effect: async () => expect(await db.user.findUniqueOrThrow({ where: { id: childId } })).toMatchObject({ name }),
    };
  },
  "child.reset": async (childId) => ({
    observed: fromState(await childActions.resetSecretAction({}, form({ childId, secret: "4321" }))),
    effect: async () => {
      const row = await db.user.findUniqueOrThrow({ where: { id: childId } });
      expect(row.passwordHash).not.toBe("-");
    },
  }),
  "child.remove": async (childId) => ({
    observed: fromState(await childActions.removeChildAction({}, form({ childId }))),
    effect: async () => {
      expect(await db.user.findUniqueOrThrow({ where: { id: childId } })).toMatchObject({ active: false });
    },
  }),
  "grant.revoke": async (grantId) => ({
    observed: fromState(await revokeGrantAction({}, form({ grantId }))),
    effect: async () => {
      const row = await db.accessGrant.findUniqueOrThrow({ where: { id: grantId } });
      expect(row.revokedAt).toBeInstanceOf(Date);
    },
  }),
  "rules.save": async (_target, cell) => {
    const { familyId } = homeFamily(cell);
    const rules = await getFamilyRules({ familyId });
    const children = await db.user.findMany({ where: { familyId, role: "CHILD", active: true }, select: { id: true } });
    // The form as shown, with the premium limit one cent higher: a real change each time.
    const values = {
      ...rulesFormValues(rules, children),
      premiumLimit: centsToDollarsInput(rules.premiumLimitCents + 1),
    };
    return {
      observed: fromState(await saveRulesAction({}, form(values))),
      effect: async () => expect((await getFamilyRules({ familyId })).version).toBe(rules.version + 1),
    };
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Everything a refused call could have touched, in every family.

async function everything() {
  const [requests, orders, grants, rules, restaurants, dishes, users, messages, chats, events, audit, channels] =
    await Promise.all([
      db.approvalRequest.findMany({ select: { id: true, status: true, decidedById: true, note: true } }),
      db.order.count(),
      db.accessGrant.findMany({ select: { id: true, revokedAt: true, usedAt: true } }),
      db.rules.count(),
      db.restaurant.findMany({ select: { id: true, name: true, restricted: true, archived: true } }),
      db.dish.findMany({ select: { id: true, name: true, priceCents: true, archived: true } }),
      db.user.findMany({
        select: { id: true, name: true, username: true, active: true, passwordHash: true, quietStart: true },
      }),
      db.message.count(),
      db.chat.count(),
      db.event.count(),
      db.auditEvent.count({ where: { action: { not: "authz.denied" } } }),
      db.notificationChannel.count(),
    ]);
  const requestsByStatus: Record<string, number> = {};
  for (const r of requests) requestsByStatus[r.status] = (requestsByStatus[r.status] ?? 0) + 1;
  const sorted = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
  return {
    counts: {
      orders,
      requestsByStatus,
      grants: grants.length,
      revokedGrants: grants.filter((g) => g.revokedAt).length,
      rulesVersions: rules,
      restaurants: restaurants.length,
      dishes: dishes.length,
      users: users.length,
      activeUsers: users.filter((u) => u.active).length,
      messages,
      chats,
      events,
      audit,
      channels,
    },
    rows: {
      requests: sorted(requests),
      grants: sorted(grants),
      restaurants: sorted(restaurants),
      dishes: sorted(dishes),
      users: sorted(users),
    },
  };
}

const deniedCount = (familyId: string) => db.auditEvent.count({ where: { familyId, action: "authz.denied" } });

/** Each cell first proves who it acts as, from the database: role, family and whether the account is active. */
async function expectActingAs(actor: ActorSpec) {
  const session = await auth();
  if (actor.role === null) {
    expect(session).toBeNull();
    return;
  }
  const id = (session as { user: { id: string } } | null)?.user.id;
  const row = await db.user.findUniqueOrThrow({ where: { id }, select: { role: true, familyId: true, active: true } });
  expect(row).toEqual({ role: actor.role, familyId: family(actor.family ?? "A").familyId, active: actor.active });
}

describe("authorization matrix: actors × route handlers and server actions × objects", () => {
  it("covers every actor and every action", () => {
    expect(new Set(CELLS.map((c) => c.actor.key))).toEqual(new Set(ACTORS.map((a) => a.key)));
    expect(Object.keys(RUNS).sort()).toEqual([...new Set(CELLS.map((c) => c.action.id))].sort());
  });

  it.each(CELLS.map((cell) => [cellName(cell), cell] as const))("%s", async (_name, cell) => {
    ran += 1;
    const run = RUNS[cell.action.id];
    if (!run) throw new Error(`no run for ${cell.action.id}`);
    const target = await createTarget(cell);
    const user = userOf(cell.actor);
    session.userId = user?.id ?? "";
    if (!cell.actor.active && user) await db.user.update({ where: { id: user.id }, data: { active: false } });
    try {
      await expectActingAs(cell.actor);
      const actorFamilyId = user?.familyId ?? f.a.familyId;
      const before = await everything();
      const deniedBefore = await deniedCount(actorFamilyId);

      const { observed, effect } = await run(target, cell);

      expect(observed, observed.detail).toMatchObject({ outcome: cell.expected });
      if (cell.expected === "ok") {
        await effect?.();
      } else {
        expect(await everything()).toEqual(before);
      }
      expect(await deniedCount(actorFamilyId)).toBe(deniedBefore + (cell.expected === "forbidden" ? 1 : 0));
      asExpected += 1;
    } finally {
      session.userId = "";
      if (!cell.actor.active && user) await db.user.update({ where: { id: user.id }, data: { active: true } });
    }
  });
});

// Ids inside a form or body are objects too: another family's dish in an edit, another family's child in the
// rules or the export filter. Each is looked up within the caller's family, so it reads as unknown.
describe("another family's ids inside an allowed call", () => {
  async function pendingDeluxe() {
    await parkPendingRequests();
    const dish = f.a.dish("Deluxe Burger");
    const result = await submitOrder(
      await newChatContext(f.a.henry),
      { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity: 1 }] },
      toolCallId(),
    );
    if (result.status !== "pending") throw new Error("expected a pending request");
    return { requestId: result.requestId, dish };
  }

  it("an inbox edit that swaps in family B's dish: refused with a clear message, nothing changed", async () => {
    const { requestId, dish } = await pendingDeluxe();
    session.userId = f.a.jane.id;
    const before = await everything();
    const state = await decideAction(
      {},
      form({
        requestId,
        intent: "APPROVE",
        "line.dishId": dish.id,
        "line.quantity": "1",
        "line.replaceWith": f.b.dish("Bean Taco").id,
      }),
    );
    expect(state).toMatchObject({ ok: false, message: "That dish is not on the menu of Burger Bonanza." });
    expect(await everything()).toEqual(before);
  });

  it("a JSON edit naming family B's dish: 400, nothing changed", async () => {
    const { requestId } = await pendingDeluxe();
    session.userId = f.a.jane.id;
    const before = await everything();
    const response = await decideApi(
      new Request(`http://localhost/api/requests/${requestId}/decision`, {
        method: "POST",
        headers: { "content-type": "application/json", ...sameOrigin },
        body: JSON.stringify({
          decision: "APPROVE",
          edit: { items: [{ dishId: f.b.dish("Bean Taco").id, quantity: 1 }] },
        }),
      }),
      params(requestId),
    );
    expect(response.status).toBe(400);
    expect(await everything()).toEqual(before);
  });

  it("a rules form with a budget for family B's child: family A's rules never hold it, family B's are untouched", async () => {
    session.userId = f.a.jane.id;
    const rules = await getFamilyRules({ familyId: f.a.familyId });
    const rulesB = await getFamilyRules({ familyId: f.b.familyId });
    const state = await saveRulesAction(
      {},
      form({
        ...rulesFormValues(rules, [f.a.henry, f.a.rose]),
        premiumLimit: centsToDollarsInput(rules.premiumLimitCents + 1),
        [`budgets.${f.b.dana.id}.daily`]: "1.00",
        [`budgets.${f.b.dana.id}.weekly`]: "2.00",
      }),
    );
    expect(state.ok).toBe(true);
    const after = await getFamilyRules({ familyId: f.a.familyId });
    expect(after.version).toBe(rules.version + 1);
    expect(Object.keys(after.childBudgets)).not.toContain(f.b.dana.id);
    expect(await getFamilyRules({ familyId: f.b.familyId })).toEqual(rulesB);
  });

  it("the activity export filtered on family B's child: none of family B's rows", async () => {
    session.userId = f.a.jane.id;
    const response = await exportActivity(new Request(`http://localhost/activity/export?child=${f.b.dana.id}`));
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).not.toContain("Dana");
    expect(body).not.toContain("Quinn");
  });

  it("family A's requests never appear in family B's inbox", async () => {
    const { requestId } = await pendingDeluxe();
    const { getInbox } = await import("@/lib/approvals/queries");
    const inboxB = await getInbox({ familyId: f.b.familyId, decidedLimit: 1000 });
    const ids = [...inboxB.pending, ...inboxB.decided].map((item) => item.id);
    expect(ids).not.toContain(requestId);
    const families = await db.approvalRequest.findMany({ where: { id: { in: ids } }, select: { familyId: true } });
    expect(new Set(families.map((r) => r.familyId))).toEqual(new Set(ids.length ? [f.b.familyId] : []));
  });
});

// Row 20's other half: a parent demoted to a child while signed in is refused at the next decision.
describe("a parent demoted while signed in", () => {
  it("Joe, now a child in the database: both decision paths answer 403, audited, nothing changed", async () => {
    await parkPendingRequests();
    const dish = f.a.dish("Deluxe Burger");
    const result = await submitOrder(
      await newChatContext(f.a.henry),
      { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity: 1 }] },
      toolCallId(),
    );
    if (result.status !== "pending") throw new Error("expected a pending request");
    await db.user.update({ where: { id: f.a.joe.id }, data: { role: "CHILD" } });
    session.userId = f.a.joe.id;
    try {
      expect(await db.user.findUniqueOrThrow({ where: { id: f.a.joe.id }, select: { role: true } })).toEqual({
        role: "CHILD",
      });
      const before = await everything();
      const denied = await deniedCount(f.a.familyId);
      const state = await decideAction({}, form({ requestId: result.requestId, intent: "APPROVE" }));
      expect(fromState(state).outcome).toBe("forbidden");
      const response = await decideApi(
        new Request(`http://localhost/api/requests/${result.requestId}/decision`, {
          method: "POST",
          headers: { "content-type": "application/json", ...sameOrigin },
          body: JSON.stringify({ decision: "APPROVE" }),
        }),
        params(result.requestId),
      );
      expect(response.status).toBe(403);
      expect(await everything()).toEqual(before);
      expect(await deniedCount(f.a.familyId)).toBe(denied + 2);
    } finally {
      session.userId = "";
      await db.user.update({ where: { id: f.a.joe.id }, data: { role: "PARENT" } });
    }
  });
});

// Row 20 for the one long-lived call: an event stream opened before the parent was removed must not keep
// delivering the family's events.
describe("an event stream open when its parent is removed or demoted", () => {
  it.each([
    ["removed", { active: false }],
    ["demoted to a child", { role: "CHILD" }],
  ] as const)("%s: delivers nothing more and closes at the next event", async (_how, change) => {
    await parkPendingRequests();
    session.userId = f.a.joe.id;
    const abort = new AbortController();
    try {
      const response = await events(new Request("http://localhost/api/events", { signal: abort.signal }));
      expect(response.status).toBe(200);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toContain(": connected");

      await db.user.update({ where: { id: f.a.joe.id }, data: change });
      const dish = f.a.dish("Deluxe Burger");
      const result = await submitOrder(
        await newChatContext(f.a.henry),
        { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity: 1 }] },
        toolCallId(),
      );
      expect(result.status).toBe("pending");

      // Without the re-check this read is the request.created frame; with it, the stream ends.
      const next = await reader.read();
      expect(next.done ? "" : new TextDecoder().decode(next.value)).toBe("");
      expect(next.done).toBe(true);
    } finally {
      abort.abort();
      session.userId = "";
      await db.user.update({ where: { id: f.a.joe.id }, data: { active: true, role: "PARENT" } });
    }
  });
});
