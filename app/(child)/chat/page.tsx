import { redirect } from "next/navigation";
import { getChatWithUntoldOutcome } from "@/lib/approvals/outcome";
import { getChatsForChild } from "@/lib/chat/queries";
import { requirePageActor } from "@/lib/page-auth";

/** The chat with an answer from a parent still to tell, else the chat the child was in last. */
export default async function ChatIndex() {
  const child = await requirePageActor("CHILD");
  const scope = { childId: child.id, familyId: child.familyId };
  const untold = await getChatWithUntoldOutcome(scope);
  if (untold) redirect(`/chat/${untold}`);
  const [latest] = await getChatsForChild(scope);
  redirect(latest ? `/chat/${latest.id}` : "/chat/new");
}
