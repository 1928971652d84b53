// A child a parent removed while chatting: the chat routes answer 401 with words the child understands.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SIGNED_OUT_MESSAGE } from "@/lib/chat/require-child";
import { db } from "@/lib/db";
import { type Families, loadFamilies, newChatContext } from "@/lib/testing/fixtures";

// The session cookie says who; the database says whether that child may still chat.
const session = vi.hoisted(() => ({ userId: "" }));
vi.mock("@/lib/auth", () => ({ auth: async () => ({ user: { id: session.userId } }) }));

const { POST } = await import("./route");
const { GET: resume } = await import("./[id]/stream/route");
const { GET: status } = await import("./status/route");

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

afterEach(async () => {
  await db.user.update({ where: { id: f.a.henry.id }, data: { active: true } });
});

function post(chatId: string, text: string) {
  return new Request("http://localhost/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" },
    body: JSON.stringify({
      id: chatId,
      message: { id: `m-${Date.now()}`, role: "user", parts: [{ type: "text", text }] },
    }),
  });
}

describe("chat routes for a removed child", () => {
  it("an active child gets the header status; a removed one gets 401 everywhere and nothing is saved", async () => {
    session.userId = f.a.henry.id;
    const ctx = await newChatContext(f.a.henry);
    const ok = await status();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ pendingCount: expect.any(Number) });

    await db.user.update({ where: { id: f.a.henry.id }, data: { active: false } });

    const posted = await POST(post(ctx.chatId, "I want a cheese pizza"));
    expect(posted.status).toBe(401);
    expect(await posted.json()).toEqual({ code: "unauthorized:chat", message: SIGNED_OUT_MESSAGE });
    expect(await db.message.count({ where: { chatId: ctx.chatId } })).toBe(0);
    expect(await db.order.count({ where: { chatId: ctx.chatId } })).toBe(0);

    const resumed = await resume(new Request(`http://localhost/api/chat/${ctx.chatId}/stream`), {
      params: Promise.resolve({ id: ctx.chatId }),
    });
    expect(resumed.status).toBe(401);
    expect(await resumed.json()).toMatchObject({ message: SIGNED_OUT_MESSAGE });
    expect((await status()).status).toBe(401);
  });
});
