// Flood control through the real chat handler: over the per-minute limit a child gets a 429 in plain words,
// and the refused turns leave nothing behind.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { type Families, loadFamilies, newChatContext } from "@/lib/testing/fixtures";
import { SLOW_DOWN_MESSAGE } from "./turn-limit";

const session = vi.hoisted(() => ({ userId: "" }));
vi.mock("@/lib/auth", () => ({ auth: async () => ({ user: { id: session.userId } }) }));

const { POST } = await import("@/app/api/chat/route");

let f: Families;
beforeAll(async () => {
  f = await loadFamilies();
  vi.stubEnv("CHAT_TURNS_PER_MINUTE", "5");
  vi.stubEnv("OFFLINE_MODEL_DELAY_MS", "0");
});

function post(chatId: string, text: string) {
  return POST(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        id: chatId,
        message: { id: `m-${crypto.randomUUID()}`, role: "user", parts: [{ type: "text", text }] },
      }),
    }),
  );
}

describe("chat turn limit", () => {
  it("the 6th message within a minute gets 429 and is not stored; another child is not affected", async () => {
    session.userId = f.a.rose.id;
    const ctx = await newChatContext(f.a.rose);
    const statuses = [];
    for (let i = 0; i < 8; i++) {
      const response = await post(ctx.chatId, `hello ${i}`);
      statuses.push(response.status);
      if (response.status === 429) expect(await response.json()).toMatchObject({ message: SLOW_DOWN_MESSAGE });
      else await response.text();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(await db.message.count({ where: { chatId: ctx.chatId, role: "user" } })).toBe(5);

    session.userId = f.a.henry.id;
    const other = await newChatContext(f.a.henry);
    const response = await post(other.chatId, "hello");
    expect(response.status).toBe(200);
    await response.text();
  });
});
