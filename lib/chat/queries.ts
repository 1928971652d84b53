import "server-only";
import { db } from "@/lib/db";
import { requestIdsIn } from "./request-ids";
import type { ChatMessage, RequestStatus, RequestStatuses } from "./types";

type ChildScope = { childId: string; familyId: string };

export async function getChatForChild({ chatId, childId, familyId }: ChildScope & { chatId: string }) {
  return db.chat.findFirst({ where: { id: chatId, childId, familyId } });
}

/** Chats whose id exists for someone else are reported as missing, never revealed. */
export async function getOrCreateChat({
  chatId,
  childId,
  familyId,
  title,
}: ChildScope & { chatId: string; title: string }) {
  const existing = await db.chat.findUnique({ where: { id: chatId } });
  if (existing) return existing.childId === childId && existing.familyId === familyId ? existing : null;
  return db.chat.create({ data: { id: chatId, childId, familyId, title: title.slice(0, 80) || "New chat" } });
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
  const rows = await db.message.findMany({ where: { chatId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
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

export async function messageIdTaken({ id }: { id: string }): Promise<boolean> {
  return (await db.message.count({ where: { id } })) > 0;
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
