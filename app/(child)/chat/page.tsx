import { redirect } from "next/navigation";
import { getChatsForChild } from "@/lib/chat/queries";
import { requirePageActor } from "@/lib/page-auth";

/** The chat the child was in last, so history and any answers from parents are right there. */
export default async function ChatIndex() {
  const child = await requirePageActor("CHILD");
  const [latest] = await getChatsForChild({ childId: child.id, familyId: child.familyId });
  redirect(latest ? `/chat/${latest.id}` : "/chat/new");
}
