"use client";

import { type UseChatHelpers, useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useEffect, useLayoutEffect, useRef } from "react";
import type { ChatMessage } from "@/lib/chat/types";

/**
 * The AI SDK's chat (useChat, with its stream and resume protocol) in a module of its own: the SDK is over a third of
 * the page's JavaScript, and a chat needs it only to send or to hear a parent's answer, so chat-view.tsx loads this
 * with import() then. It draws nothing: it takes the view's requests and reports the chat's state back.
 */

export type ChatEngineState = Pick<UseChatHelpers<ChatMessage>, "messages" | "status" | "error" | "clearError">;
/** A message to send; `id` tells a new request from one already sent. */
export type Outgoing = { id: number; text: string };

type Props = {
  chatId: string;
  initialMessages: ChatMessage[];
  outgoing: Outgoing | null;
  /** Raised by one for every reason to ask the server for a parent's answer; asked once the chat is idle. */
  resumeRequest: number;
  onState: (state: ChatEngineState) => void;
  onError: (error: Error) => void;
};

const transport = new DefaultChatTransport<ChatMessage>({
  api: "/api/chat",
  // Only the new message goes up: the server rebuilds history from its database.
  prepareSendMessagesRequest: ({ id, messages }) => ({ body: { id, message: messages.at(-1) } }),
});

export function ChatEngine({ chatId, initialMessages, outgoing, resumeRequest, onState, onError }: Props) {
  const { messages, status, error, clearError, sendMessage, resumeStream } = useChat<ChatMessage>({
    id: chatId,
    messages: initialMessages,
    transport,
    onError,
  });
  // Before paint, so a streamed piece never shows a frame late.
  useLayoutEffect(
    () => onState({ messages, status, error, clearError }),
    [messages, status, error, clearError, onState],
  );

  // Refs, not state: a request is taken once even when an effect runs twice (React's strict mode).
  const sent = useRef(0);
  useEffect(() => {
    if (!outgoing || outgoing.id === sent.current) return;
    sent.current = outgoing.id;
    void sendMessage({ text: outgoing.text });
  }, [outgoing, sendMessage]);

  // A parent's answer is fetched once the chat is idle (never mid-turn).
  const resumed = useRef(0);
  const busy = status === "submitted" || status === "streaming";
  useEffect(() => {
    if (resumeRequest === resumed.current || busy) return;
    resumed.current = resumeRequest;
    void resumeStream();
  }, [resumeRequest, busy, resumeStream]);
  return null;
}
