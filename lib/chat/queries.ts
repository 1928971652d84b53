import "server-only";
import { isPrimaryKeyViolation } from "@/lib/database/unique";
import { db } from "@/lib/db";
import { requestIdsIn } from "./request-ids";
import type { ChatMessage, RequestStatus, RequestStatuses } from "./types";

type ChildScope = { childId: string; familyId: string };

export async function getChatForChild({ chatId, childId, familyId }: ChildScope & { chatId: string }) {
  return db.chat.findFirst({ where: { id: chatId, childId, familyId } });
}

/**
 * Stores the child's message in their chat, creating the chat with its first message, and says whether the chat
 * is new (then the message is its whole history). Null when the chat id is someone else's: reported as missing,
 * never revealed, nothing written. The message keeps the client's id unless that id is taken (in any chat): then
 * it gets `newId()`, and nothing stored is ever overwritten. Two or three statements, no check-then-write reads.
 */
export async function addChildMessage({
  chatId,
  childId,
  familyId,
  title,
  message,
  newId,
}: ChildScope & { chatId: string; title: string; message: ChatMessage; newId: () => string }): Promise<{
  created: boolean;
  message: ChatMessage;
} | null> {
  let created = false;
  if (!(await touchChat({ chatId, childId, familyId }))) {
    try {
      await db.chat.create({
        data: { id: chatId, childId, familyId, title: title.slice(0, 80) || "New chat" },
        select: { id: true },
      });
      created = true;
    } catch (error) {
      if (!isPrimaryKeyViolation(error)) throw error;
      // Taken since the touch: by this child's other tab (then it is theirs), or someone else's all along.
      if (!(await touchChat({ chatId, childId, familyId }))) return null;
    }
  }
  return { created, message: await insertMessage({ chatId, message, newId }) };
}

/** Marks the child's chat as just used; false when it is not theirs or does not exist. */
async function touchChat({ chatId, childId, familyId }: ChildScope & { chatId: string }): Promise<boolean> {
  const { count } = await db.chat.updateMany({
    where: { id: chatId, childId, familyId },
    data: { updatedAt: new Date() },
  });
  return count === 1;
}

async function insertMessage({
  chatId,
  message,
  newId,
}: {
  chatId: string;
  message: ChatMessage;
  newId: () => string;
}): Promise<ChatMessage> {
  const create = (row: ChatMessage) =>
    db.message.create({
      data: { id: row.id, chatId, role: row.role, parts: row.parts as unknown as object },
      select: { id: true },
    });
  try {
    await create(message);
    return message;
  } catch (error) {
    if (!isPrimaryKeyViolation(error)) throw error;
    const renamed = { ...message, id: newId() };
    await create(renamed);
    return renamed;
  }
}

export async function getChatsForChild({ childId, familyId }: ChildScope) {
  return db.chat.findMany({
    where: { childId, familyId },
    orderBy: { updatedAt: "desc" },
    take: 50,
    select: { id: true, title: true, updatedAt: true },
  });
}

export async function getMessages({ chatId }: { chatId: string }): Promise<ChatMessage[]> {
  const rows = await db.message.findMany({
    where: { chatId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true, parts: true },
  });
  return rows.map((row) => ({
    id: row.id,
    role: row.role as ChatMessage["role"],
    parts: row.parts as unknown as ChatMessage["parts"],
  }));
}

export async function saveMessage({ chatId, message }: { chatId: string; message: ChatMessage }): Promise<void> {
  const parts = message.parts as unknown as object;
  await db.message.upsert({
    where: { id: message.id },
    create: { id: message.id, chatId, role: message.role, parts },
    update: { parts },
  });
  await db.chat.update({ where: { id: chatId }, data: { updatedAt: new Date() } });
}

/** The agent's reply to a child's message: its chat was touched when that message was stored, this turn. */
export async function addReply({ chatId, message }: { chatId: string; message: ChatMessage }): Promise<void> {
  await db.message.create({
    data: { id: message.id, chatId, role: message.role, parts: message.parts as unknown as object },
    select: { id: true },
  });
}

/** Current status of the requests shown in a chat, read from the database and scoped to the child. */
export async function getRequestStatuses({
  childId,
  messages,
}: {
  childId: string;
  messages: ChatMessage[];
}): Promise<RequestStatuses> {
  const requests = await db.approvalRequest.findMany({
    where: { id: { in: requestIdsIn(messages) }, childId },
    select: { id: true, status: true, parentEdit: true, decidedBy: { select: { name: true } } },
  });
  return Object.fromEntries(
    requests.map((r) => [
      r.id,
      {
        status: r.status as RequestStatus["status"],
        decidedByName: r.decidedBy?.name ?? null,
        edited: r.parentEdit !== null,
      },
    ]),
  );
}
