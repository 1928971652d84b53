// THREATS.md row 18: flooding the parents. A child sending restricted orders as fast as it can: identical
// requests merge into one card, no more than the pending cap wait, the child is told why in plain words,
// and past the per-minute limit the chat answers 429 with a friendly message.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { withE2eDb } from "../db";
import { createChildren, removeChildren, signedInClient } from "./http";

const LIMIT = Number(process.env.CHAT_TURNS_PER_MINUTE);
const ASKS = ["I want the sushi platter", "can I have the foie gras", "I'd like the escargot please"];

test("100 restricted orders in a minute → one card per distinct request, at most the cap, then 429", async ({
  baseURL,
}) => {
  expect(LIMIT).toBeGreaterThan(100);
  const [login] = await createChildren("flood", 1);
  const kid = await signedInClient(baseURL ?? "", { login: login ?? "" });
  const chatId = `chat-${randomUUID()}`;
  const say = (text: string) =>
    kid.post("/api/chat", {
      data: { id: chatId, message: { id: `msg-${randomUUID()}`, role: "user", parts: [{ type: "text", text }] } },
    });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const response = await say(ASKS[i % ASKS.length] ?? "");
      statuses.push(response.status());
      await response.body();
    }
    expect(statuses.every((status) => status === 200)).toBe(true);

    const requests = await withE2eDb((db) =>
      db.all<{ status: string; snapshotHash: string }>(
        `SELECT r."status", r."snapshotHash" FROM "ApprovalRequest" r JOIN "User" u ON u."id" = r."childId"
         WHERE u."username" = ?`,
        login ?? "",
      ),
    );
    const cap = Number(
      (
        await withE2eDb((db) =>
          db.get<{ cap: number }>(`SELECT "maxPendingPerChild" AS cap FROM "Rules" ORDER BY "version" DESC LIMIT 1`),
        )
      )?.cap,
    );
    // Three distinct asks, each asked 33 times or so: three cards, not 100.
    expect(requests.filter((r) => r.status === "PENDING")).toHaveLength(ASKS.length);
    expect(new Set(requests.map((r) => r.snapshotHash)).size).toBe(requests.length);
    expect(ASKS.length).toBeLessThanOrEqual(cap);

    // A fourth and fifth distinct ask still fit under the cap of 5; the sixth is refused with the reason.
    for (const text of ["I want tempura", "can I have a california roll"]) await (await say(text)).body();
    const refused = await say("can I have the truffle pasta");
    expect(await refused.text()).toContain(`There are already ${cap} requests waiting for a parent`);

    // Past the per-minute limit: 429 with words a child understands, and nothing stored.
    let posts = 100 + 3;
    let last = 200;
    while (last === 200 && posts <= LIMIT) {
      const response = await say("hello");
      posts += 1;
      last = response.status();
      if (last === 429)
        expect(await response.json()).toMatchObject({ message: expect.stringContaining("Wait a minute") });
      else await response.body();
    }
    expect(last).toBe(429);
    expect(posts).toBe(LIMIT + 1);
    const pending = Number(
      (
        await withE2eDb((db) =>
          db.get<{ n: number }>(
            `SELECT COUNT(*) AS n FROM "ApprovalRequest" r JOIN "User" u ON u."id" = r."childId"
             WHERE u."username" = ? AND r."status" = 'PENDING'`,
            login ?? "",
          ),
        )
      )?.n,
    );
    expect(pending).toBe(cap);
    console.info(
      `[threat 18] 100 restricted orders in a minute → ${ASKS.length} cards (merged), then at most ${cap} waiting; ` +
        `turn ${LIMIT + 1} of the minute → HTTP 429 with a plain message`,
    );
  } finally {
    await kid.dispose();
    await removeChildren([login ?? ""]);
  }
});
