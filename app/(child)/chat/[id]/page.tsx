import { generateId } from "ai";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { chatIdParam } from "@/app/api/chat/schema";
import { ChatView } from "@/components/chat/chat-view";
import { getChatWithUntoldOutcome } from "@/lib/approvals/outcome";
import { getChatForChild, getChatsForChild, getMessages, getRequestStatuses } from "@/lib/chat/queries";
import { getChildHeaderStatus } from "@/lib/child-status";
import { getLatestEventId } from "@/lib/events/outbox";
import { requirePageActor } from "@/lib/page-auth";

export const metadata: Metadata = { title: "Chat" };

export default async function ChatPage({ params }: { params: Promise<{ id: string }> }) {
  const child = await requirePageActor("CHILD");
  const { id } = await params;
  const eventCursor = await getLatestEventId(child.familyId);
  const headerStatus = await getChildHeaderStatus({ familyId: child.familyId, childId: child.id });
  if (id === "new") {
    // The chat row is created with its first message.
    const recentChats = await getChatsForChild({ childId: child.id, familyId: child.familyId });
    return (
      <ChatView
        key="new"
        chatId={generateId()}
        initialMessages={[]}
        initialStatuses={{}}
        eventCursor={eventCursor}
        headerStatus={headerStatus}
        recentChats={recentChats.slice(0, 5).map((c) => ({ id: c.id, title: c.title }))}
      />
    );
  }
  const parsed = chatIdParam.safeParse(id);
  const chat = parsed.success
    ? await getChatForChild({ chatId: parsed.data, childId: child.id, familyId: child.familyId })
    : null;
  if (!chat) notFound();
  const messages = await getMessages({ chatId: chat.id });
  const statuses = await getRequestStatuses({ childId: child.id, messages });
  // Read after the event cursor, so an answer decided in between is either seen here or replayed by the stream.
  const untold = await getChatWithUntoldOutcome({ childId: child.id, familyId: child.familyId, chatId: chat.id });
  return (
    <ChatView
      key={chat.id}
      chatId={chat.id}
      initialMessages={messages}
      initialStatuses={statuses}
      eventCursor={eventCursor}
      headerStatus={headerStatus}
      untoldOutcome={untold !== null}
    />
  );
}
