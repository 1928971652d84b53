import { getChatForChild } from "@/lib/chat/queries";
import { requireChild } from "@/lib/chat/require-child";
import { streamOutcomeReply } from "@/lib/chat/resume";
import { AppError, errorResponse } from "@/lib/errors";
import { chatIdParam } from "../../schema";

export const dynamic = "force-dynamic";

/** useChat's resumeStream(): streams the agent's reply to parents' decisions, or 204 when there is none. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const child = await requireChild("chat.resume");
    const chatId = chatIdParam.safeParse((await params).id);
    if (!chatId.success) throw new AppError("bad_request:chat", "Invalid chat id.");
    const chat = await getChatForChild({ chatId: chatId.data, childId: child.id, familyId: child.familyId });
    if (!chat) throw new AppError("not_found:chat", "That chat does not exist.");
    return (await streamOutcomeReply({ child, chatId: chat.id })) ?? new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
