// THREATS.md rows 13 and 14: the production server is killed around creating and deciding requests, by
// failpoints (lib/failpoint.ts) at exact points and by kill -9 at random moments in a burst of traffic,
// then restarted; after every restart the invariants are read with SQL (e2e/threats/crash-checks.ts).
// Its own server on port 3190 and its own database (data/crash.db, or lunchbox_crash_3190 on a run's PostgreSQL
// server): the shared e2e server never dies here.
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "@playwright/test";
import type { LineItem } from "../../lib/ai/tools/contracts";
import {
  type CrashViolations,
  checkCrashInvariants,
  crashFigures,
  NO_CRASH_VIOLATIONS,
  openSessions,
  type Sessions,
} from "./crash-checks";
import {
  CRASH_URL,
  CrashServer,
  crashLogFile,
  crashOnPostgres,
  freshCrashDatabase,
  healthy,
  sleep,
  withCrashDb,
} from "./crash-server";
import { rounds, signedInClient } from "./http";

const FAILPOINTS = [
  "create.after-row",
  "order.after-commit",
  "decide.after-swap",
  "decide.after-effect",
  "decide.after-audit",
  "resume.after-claim",
  "resume.after-store",
] as const;
type Failpoint = (typeof FAILPOINTS)[number];

/** Dishes of the seed that need a parent (premium, or from a restricted restaurant), in the offline model's words. */
const HELD_BACK_DISHES = [
  { name: "Deluxe Burger", words: "deluxe burgers" },
  { name: "Pepperoni Pizza", words: "pepperoni pizzas" },
  { name: "Escargot", words: "escargot" },
  { name: "Foie Gras", words: "foie gras" },
  { name: "Truffle Pasta", words: "truffle pasta" },
  { name: "Sushi Platter", words: "sushi platters" },
  { name: "Tempura", words: "tempura" },
];

/**
 * An order (dish × quantity) none of the child's pending requests holds: asking again for a pending one merges
 * into that request and writes no row, so a round meant to crash while writing one would never reach its failpoint.
 */
async function freshAsk(): Promise<string> {
  const snapshots = await withCrashDb((db) =>
    db.all<{ snapshot: string }>(`SELECT "snapshot" FROM "ApprovalRequest" WHERE "status" = 'PENDING'`),
  );
  const pending = new Set(
    snapshots
      .flatMap((row) => (JSON.parse(row.snapshot) as { items?: LineItem[] }).items ?? [])
      .map((item) => `${item.name}×${item.quantity}`),
  );
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const dish = pick(HELD_BACK_DISHES);
    const quantity = 1 + Math.floor(Math.random() * 20);
    if (!pending.has(`${dish.name}×${quantity}`)) return `I want ${quantity} ${dish.words}`;
  }
  throw new Error("Every order the harness can ask for is pending: decide more per round.");
}

const server = new CrashServer();
const seen = new Set<string>();
let henry: APIRequestContext;
let jane: APIRequestContext;
let joe: APIRequestContext;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await freshCrashDatabase();
  // Many rounds leave requests pending: lift the per-child cap so the child is never refused for it.
  await withCrashDb((db) => db.run(`UPDATE "Rules" SET "maxPendingPerChild" = 100000`));
  await server.start();
  henry = await signedInClient(CRASH_URL, "henry");
  jane = await signedInClient(CRASH_URL, "jane");
  joe = await signedInClient(CRASH_URL, "joe");
});

test.afterAll(async () => {
  await server.kill();
  for (const client of [henry, jane, joe]) await client?.dispose().catch(() => {});
});

const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** `ended` says how the turn ended (the status, or the client's error), for a failure message. */
type ChatTurn = { chatId: string; requestIds: string[]; completed: boolean; ended: string };

/** One chat turn asking for a dish that needs a parent; the "pending" request ids the stream showed are remembered as seen. */
async function askForHeldBackDish(chatId = newId("crash-chat")): Promise<ChatTurn> {
  const turn: ChatTurn = { chatId, requestIds: [], completed: false, ended: "not sent" };
  try {
    const response = await henry.post("/api/chat", {
      data: {
        id: chatId,
        message: { id: newId("crash-msg"), role: "user", parts: [{ type: "text", text: await freshAsk() }] },
      },
      timeout: 20_000,
    });
    const body = await response.text();
    turn.ended = `HTTP ${response.status()}: ${body.slice(0, 2000)}`;
    for (const line of body.split("\n")) {
      if (!line.startsWith("data: {")) continue;
      const event = JSON.parse(line.slice(6)) as { type?: string; output?: { status?: string; requestId?: string } };
      if (event.type === "tool-output-available" && event.output?.status === "pending" && event.output.requestId) {
        turn.requestIds.push(event.output.requestId);
        seen.add(event.output.requestId);
      }
    }
    turn.completed = response.status() === 200;
  } catch (error) {
    // The server died mid-turn: whatever the child saw before that was recorded above.
    turn.ended = `${turn.ended}, then ${String(error)}`;
  }
  return turn;
}

/** A parent's decision over the JSON API; a 200 names a request that must exist from then on. */
async function decide(parent: APIRequestContext, requestId: string, decision: "APPROVE" | "DENY") {
  try {
    const response = await parent.post(`/api/requests/${requestId}/decision`, { data: { decision }, timeout: 20_000 });
    if (response.status() === 200) seen.add(requestId);
    return response.status();
  } catch {
    return null;
  }
}

/** The child's chat asks what the parents decided (useChat's resume); the status, or null if the server died. */
async function resume(chatId: string): Promise<number | null> {
  try {
    const response = await henry.get(`/api/chat/${chatId}/stream`, { timeout: 20_000 });
    await response.body();
    return response.status();
  } catch {
    return null;
  }
}

function requestRow(id: string) {
  return withCrashDb((db) =>
    db.get<{ status: string; reportedAt: string | null; chatId: string }>(
      `SELECT "status", "reportedAt", "chatId" FROM "ApprovalRequest" WHERE "id" = ?`,
      id,
    ),
  );
}

async function pendingIds(limit: number): Promise<string[]> {
  const rows = await withCrashDb((db) =>
    db.all<{ id: string }>(
      `SELECT "id" FROM "ApprovalRequest" WHERE "status" = 'PENDING' ORDER BY random() LIMIT ?`,
      limit,
    ),
  );
  return rows.map((r) => r.id);
}

/** A pending request made through the chat, for a round that crashes a later step. */
async function pendingRequest(): Promise<ChatTurn & { requestId: string }> {
  const turn = await askForHeldBackDish();
  const requestId = turn.requestIds[0];
  expect(requestId, `the chat answered with a pending request; it ended: ${turn.ended}`).toBeTruthy();
  return { ...turn, requestId: requestId as string };
}

/**
 * Runs the steps that reach `failpoint` and checks that the server died there. Returns what to check once the
 * server is back: for a rolled-back step, that nothing of it survived; for a committed one, that it is all there.
 */
async function failpointRound(failpoint: Failpoint): Promise<() => Promise<void>> {
  const dies = async () => expect(await server.died(15_000), `the server died at ${failpoint}`).toBe(true);
  switch (failpoint) {
    case "create.after-row":
    case "order.after-commit": {
      const before = (await crashFigures()).requests;
      const turn = await askForHeldBackDish();
      await dies();
      expect(turn.completed, "the chat turn was cut off").toBe(false);
      // Rolled back before commit: no row. Committed but never told: one row the chat never showed.
      const expected = failpoint === "create.after-row" ? before : before + 1;
      return async () => expect((await crashFigures()).requests).toBe(expected);
    }
    case "decide.after-swap":
    case "decide.after-effect":
    case "decide.after-audit": {
      const { requestId } = await pendingRequest();
      expect(await decide(jane, requestId, "APPROVE")).toBeNull();
      await dies();
      return async () => {
        // The whole decision rolled back: still pending, and a parent can decide it now.
        expect((await requestRow(requestId))?.status).toBe("PENDING");
        expect(await decide(jane, requestId, "APPROVE")).toBe(200);
        expect((await requestRow(requestId))?.status).toBe("APPROVED");
      };
    }
    case "resume.after-claim":
    case "resume.after-store": {
      const { requestId } = await pendingRequest();
      // The request's own chat, read from its row: the outcome is told there, whichever chat asked.
      const stored = await requestRow(requestId);
      if (!stored) throw new Error(`the pending request ${requestId} has no row`);
      const { chatId } = stored;
      expect(await decide(jane, requestId, "APPROVE")).toBe(200);
      expect(await resume(chatId)).toBeNull();
      await dies();
      return async () => {
        const row = await requestRow(requestId);
        if (failpoint === "resume.after-claim") {
          // The claim rolled back with its message: the chat is told after the restart.
          expect(row?.reportedAt).toBeNull();
          expect(await resume(chatId)).toBe(200);
        } else {
          // Claimed and stored before the crash: already in the chat, never told again.
          expect(row?.reportedAt).not.toBeNull();
          expect(await resume(chatId)).toBe(204);
        }
        expect((await requestRow(requestId))?.reportedAt).not.toBeNull();
      };
    }
  }
}

/**
 * A burst of decisions (some racing each other), chat turns and resumes, cut by kill -9 after 0–300 ms. Returns,
 * besides the calls, the server's PostgreSQL sessions as listed just before the kill.
 */
async function killRound(): Promise<{ calls: number; cutOff: number; sessions: Sessions }> {
  // Fresh requests each round, so the burst always has pending ones to decide.
  for (let i = 0; i < 3; i++) await pendingRequest();
  const decidedChats = (
    await withCrashDb((db) =>
      db.all<{ chatId: string }>(
        `SELECT DISTINCT "chatId" FROM "ApprovalRequest" WHERE "status" <> 'PENDING' AND "reportedAt" IS NULL LIMIT 3`,
      ),
    )
  ).map((r) => r.chatId);
  const burst: Array<Promise<number | null | ChatTurn>> = [];
  for (const id of await pendingIds(8)) {
    const decision = Math.random() < 0.75 ? "APPROVE" : "DENY";
    burst.push(decide(jane, id, decision));
    if (Math.random() < 0.5) burst.push(decide(joe, id, Math.random() < 0.5 ? decision : "DENY"));
  }
  for (let i = 0; i < 3; i++) burst.push(askForHeldBackDish());
  for (const chatId of decidedChats) burst.push(resume(chatId));
  await sleep(Math.random() * 300);
  // Listed just before the kill (a few ms on PostgreSQL, none on SQLite): what the crash leaves PostgreSQL to end.
  const sessions = await openSessions();
  await server.kill();
  const results = await Promise.all(burst);
  // How many calls the kill cut off (no answer, or a chat stream that never finished), to show it hit traffic.
  return {
    calls: results.length,
    cutOff: results.filter((r) => r === null || (typeof r === "object" && !r.completed)).length,
    sessions,
  };
}

test("threats 13 and 14: crashes around creating and deciding requests break no invariant", async () => {
  const failpointRounds = rounds(FAILPOINTS.length, 70);
  const killRounds = rounds(4, 50);
  test.setTimeout(rounds(150_000, 3_600_000));
  // Interleaved: every failpoint in turn, a kill -9 round between them while kill rounds are left.
  const plan: Array<Failpoint | "kill"> = [];
  for (let f = 0, k = 0; f < failpointRounds || k < killRounds; ) {
    if (f < failpointRounds) plan.push(FAILPOINTS[f++ % FAILPOINTS.length] as Failpoint);
    if (k < killRounds && (k * failpointRounds <= f * killRounds || f >= failpointRounds)) {
      plan.push("kill");
      k++;
    }
  }

  let byFailpoint = 0;
  let byKill = 0;
  let aroundCreation = 0;
  let burstCalls = 0;
  let cutOff = 0;
  const caught = { sessions: 0, inTransaction: 0, holdingFamilyLock: 0 };
  // Every round starts with its own failpoint armed; the restart after a crash arms none, so the checks and the
  // follow-up steps run on a plain server. Re-arming restarts an idle server; those restarts are not counted.
  let armed: string | null = null;
  for (const [index, step] of plan.entries()) {
    const wanted = step === "kill" ? "" : step;
    if (armed !== wanted) {
      await server.kill();
      await server.start(wanted);
      armed = wanted;
    }
    let afterRestart = async () => {};
    let killed: string[] = [];
    if (step === "kill") {
      const burst = await killRound();
      byKill++;
      burstCalls += burst.calls;
      cutOff += burst.cutOff;
      aroundCreation++;
      killed = burst.sessions.ids;
      caught.sessions += burst.sessions.ids.length;
      caught.inTransaction += burst.sessions.inTransaction;
      caught.holdingFamilyLock += burst.sessions.holdingFamilyLock;
    } else {
      afterRestart = await failpointRound(step);
      byFailpoint++;
      if (step === "create.after-row" || step === "order.after-commit") aroundCreation++;
    }
    // PostgreSQL: the dead server's sessions (with its open transactions and family locks) must end with it.
    killed = [...killed, ...(await openSessions()).ids];
    await server.start();
    armed = "";
    expect(await healthy(), "healthy after the restart").toBe(true);
    const stillOpen = (await openSessions()).ids.filter((id) => killed.includes(id));
    expect(stillOpen, `sessions of the killed server after round ${index + 1} (${step})`).toEqual([]);
    const violations: CrashViolations = await checkCrashInvariants(seen);
    expect(violations, `invariants after round ${index + 1} (${step}); server log: ${crashLogFile}`).toEqual(
      NO_CRASH_VIOLATIONS,
    );
    await afterRestart();
  }

  // The activity page's own verifier agrees with the SQL recomputation.
  const activity = await jane.get("/activity");
  expect(activity.status()).toBe(200);
  expect(await activity.text()).toContain("Trail intact");

  const final = await checkCrashInvariants(seen);
  expect(final).toEqual(NO_CRASH_VIOLATIONS);
  const figures = await crashFigures();
  const crashes = byFailpoint + byKill;
  console.log(
    `[threat 13] ${crashes} crashes injected (${byFailpoint} by failpoint, ${byKill} by kill -9 cutting off ${cutOff} of ${burstCalls} calls in flight) → ` +
      `${final.approvedWithoutOrder} approved without order, ${final.ordersWithoutApproval} orders without approval, ` +
      `${final.duplicateOrders} duplicate orders, ${final.lostRequests.length} lost requests, ` +
      `${final.brokenChain ? `chain broken at ${final.brokenChain}` : "chain intact"} ` +
      `(${figures.requests} requests, ${figures.approved} approved, ${figures.orders} orders, ${figures.auditRows} audit rows)` +
      (crashOnPostgres
        ? `; PostgreSQL: the kill -9 bursts caught ${caught.sessions} server sessions (${caught.inTransaction} in a ` +
          `transaction, ${caught.holdingFamilyLock} holding a family lock), none open after the restarts`
        : ""),
  );
  console.log(
    `[threat 14] ${aroundCreation} crashes around creating requests ` +
      `(${aroundCreation - byKill} by failpoint, ${byKill} by kill -9) → ${figures.waitingCards} "waiting" cards ` +
      `in the chats, ${final.waitingCardsWithoutRow.length} without a row; ${seen.size} request ids seen by clients, ` +
      `${final.lostRequests.length} lost; ${figures.requestsWithoutCard} stored requests never shown as waiting ` +
      `(crash before the reply; parents still see them)`,
  );
});
