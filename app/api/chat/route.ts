import { convertToModelMessages, createIdGenerator } from "ai";
import type { z } from "zod";
import { streamAgentTurn } from "@/lib/ai/agent";
import { addChildMessage, addReply, getMessages } from "@/lib/chat/queries";
import { requireChild } from "@/lib/chat/require-child";
import { consumeChatTurn } from "@/lib/chat/turn-limit";
import type { ChatMessage } from "@/lib/chat/types";
import { AppError, errorResponse } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http";
import { postChatBody } from "./schema";

export const dynamic = "force-dynamic";

const newMessageId = createIdGenerator({ prefix: "msg", size: 16 });

export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const child = await requireChild("chat.post");
    await consumeChatTurn(child.id);
    const json: unknown = await request.json().catch(() => undefined);
    if (json === undefined) throw new AppError("bad_request:chat", "The request body must be JSON.");
    const body = postChatBody.safeParse(json);
    if (!body.success) {
      throw new AppError("bad_request:chat", firstIssue(body.error));
    }
    const { id: chatId, message } = body.data;
    const text = message.parts[0]?.text ?? "";

    const stored = await addChildMessage({
      chatId,
      childId: child.id,
      familyId: child.familyId,
      title: text,
      message: { id: message.id, role: "user", parts: [{ type: "text", text }] },
      newId: newMessageId,
    });
    if (!stored) throw new AppError("not_found:chat", "That chat does not exist.");

    // Rebuilt from the database: approval state or tool results sent by the client are never trusted. A chat this
    // message created holds nothing else, so its history is that stored message.
    const history = stored.created ? [stored.message] : await getMessages({ chatId });
    const result = await streamAgentTurn({
      ctx: { familyId: child.familyId, childId: child.id, childName: child.name, chatId, childWords: text },
      messages: await convertToModelMessages(history, { ignoreIncompleteToolCalls: true }),
      factsVersion: child.factsVersion,
    });
    // Finish the turn (tools, persistence) even if the child closes the tab mid-stream.
    void result.consumeStream();
    return result.toUIMessageStreamResponse<ChatMessage>({
      originalMessages: history,
      generateMessageId: newMessageId,
      onEnd: async ({ responseMessage }) => {
        await addReply({ chatId, message: responseMessage });
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Invalid request.";
}
