// The one SQLite connection shared by the whole process: statements outside a transaction must never run inside
// another caller's open transaction (lib/db.ts, SerializedSqlite).
import { beforeAll, describe, expect, it } from "vitest";
import { decideRequest } from "@/lib/approvals/decide";
import { addChildMessage } from "@/lib/chat/queries";
import { db } from "@/lib/db";
import { type Families, loadFamilies } from "@/lib/testing/fixtures";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

describe("db: one connection, many callers", () => {
  it("chats created while another family's refused decisions roll back are all kept", async () => {
    const chatIds = Array.from({ length: 20 }, (_, i) => `kept-chat-${i}`);

    const settled = await Promise.allSettled(
      chatIds.flatMap((chatId, i) => [
        // Refused inside its transaction (not_found), so that transaction rolls back.
        decideRequest({ actor: f.b.quinn, requestId: `no-such-request-${i}`, decision: "APPROVE" }),
        addChildMessage({
          chatId,
          childId: f.a.henry.id,
          familyId: f.a.familyId,
          title: "Lunch",
          message: { id: `${chatId}-m`, role: "user", parts: [{ type: "text", text: "Lunch" }] },
          newId: () => `${chatId}-m2`,
        }),
      ]),
    );

    expect(settled.filter((s) => s.status === "rejected")).toHaveLength(20);
    expect(await db.chat.count({ where: { id: { in: chatIds } } })).toBe(20);
    expect(await db.message.count({ where: { chatId: { in: chatIds } } })).toBe(20);
  });

  it("a read outside a transaction never sees an open transaction's uncommitted rows", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted = () => {};
    const insertedSignal = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const transaction = db
      .$transaction(async (tx) => {
        await tx.chat.create({ data: { id: "uncommitted-chat", familyId: f.a.familyId, childId: f.a.henry.id } });
        inserted();
        await gate;
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);
    await insertedSignal;

    // Issued while the transaction is open: it has to wait for the rollback, and then finds nothing.
    const read = db.chat.count({ where: { id: "uncommitted-chat" } });
    setTimeout(release, 50);

    expect(await read).toBe(0);
    expect(await transaction).toBe("roll back");
    expect(await db.chat.count({ where: { id: "uncommitted-chat" } })).toBe(0);
  });
});
