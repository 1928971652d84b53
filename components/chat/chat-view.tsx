"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { type LiveEvent, useLiveEvents } from "@/components/live/use-live-events";
import { toastError } from "@/components/ui/lazy-toaster";
import type { ChatMessage, RequestStatus, RequestStatuses } from "@/lib/chat/types";
import { Composer } from "./composer";
import { MessageList } from "./message-list";
import { type HeaderStatus, StatusBar } from "./status-bar";

type Props = {
  chatId: string;
  initialMessages: ChatMessage[];
  initialStatuses: RequestStatuses;
  eventCursor: number;
  headerStatus: HeaderStatus;
  recentChats?: Array<{ id: string; title: string }>;
};

export function ChatView({
  chatId,
  initialMessages,
  initialStatuses,
  eventCursor,
  headerStatus: initialHeader,
  recentChats = [],
}: Props) {
  const [statuses, setStatuses] = useState(initialStatuses);
  const [header, setHeader] = useState(initialHeader);
  const [signedOut, setSignedOut] = useState(false);
  // Only a chat that already exists can have answers from parents waiting; asking about a brand-new chat
  // would get a 404 and show the child "That chat does not exist."
  const [resumeWanted, setResumeWanted] = useState(initialMessages.length > 0);
  const { messages, sendMessage, resumeStream, status, error, clearError } = useChat<ChatMessage>({
    id: chatId,
    messages: initialMessages,
    transport: new DefaultChatTransport({
      api: "/api/chat",
      // Only the new message goes up: the server rebuilds history from its database.
      prepareSendMessagesRequest: ({ id, messages: all }) => ({ body: { id, message: all.at(-1) } }),
    }),
    onError: (err) => {
      // A child removed (or signed out) mid-chat gets a clear way back, not a generic error.
      if (isSignedOutError(err)) setSignedOut(true);
      else toastError(readableError(err));
    },
  });

  const refreshHeader = useCallback(async () => {
    const response = await fetch("/api/chat/status", { cache: "no-store" }).catch(() => null);
    if (response?.status === 401) setSignedOut(true);
    if (!response?.ok) return;
    setHeader((await response.json()) as HeaderStatus);
  }, []);

  // A parent's decision arrives by push; the reply is fetched once the chat is idle (never mid-turn).
  const onEvent = useCallback(
    (event: LiveEvent) => {
      // Any request or order of this child changes what waits and what is left to spend.
      void refreshHeader();
      if (event.type !== "request.resolved") return;
      const {
        requestId,
        chatId: eventChatId,
        status: newStatus,
        decidedByName,
        edited,
      } = event.data as {
        requestId: string;
        chatId: string;
        status: RequestStatus["status"];
        decidedByName: string | null;
        edited?: boolean;
      };
      setStatuses((current) => ({ ...current, [requestId]: { status: newStatus, decidedByName, edited } }));
      if (eventChatId === chatId) setResumeWanted(true);
    },
    [chatId, refreshHeader],
  );
  useLiveEvents(eventCursor, onEvent);

  useEffect(() => {
    if (!resumeWanted || status === "streaming" || status === "submitted") return;
    setResumeWanted(false);
    void resumeStream();
  }, [resumeWanted, status, resumeStream]);

  // Keep the newest message in view.
  const bottom = useRef<HTMLDivElement>(null);
  const lastPartCount = messages.at(-1)?.parts.length ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the number or size of messages changes
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "end" });
  }, [messages.length, lastPartCount]);

  const busy = status === "submitted" || status === "streaming";
  const send = (text: string) => {
    // A new chat gets its own address once it has a first message, so a reload keeps it.
    if (window.location.pathname !== `/chat/${chatId}`) window.history.replaceState(null, "", `/chat/${chatId}`);
    void sendMessage({ text });
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <StatusBar status={header} />
      {/* A log announces new messages politely; focusable so keyboard users can scroll the conversation. */}
      <div
        className="min-h-0 flex-1 overflow-y-auto px-4 py-4"
        role="log"
        aria-label="Conversation"
        aria-busy={busy}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
      >
        {messages.length === 0 ? <EmptyChat onPick={send} recentChats={recentChats} /> : null}
        <MessageList messages={messages} statuses={statuses} />
        {status === "submitted" ? (
          <p className="mt-4 animate-pulse text-stone-500" role="status">
            Lunchbox is thinking…
          </p>
        ) : null}
        <div ref={bottom} />
      </div>
      {signedOut ? (
        <div
          role="alert"
          className="mx-4 mb-2 flex flex-wrap items-center justify-between gap-2 rounded-xl bg-amber-50 px-3 py-2 text-amber-900 text-sm dark:bg-amber-950 dark:text-amber-100"
        >
          <span>You're signed out. Ask a parent to help you sign in again.</span>
          <a href="/login" className="flex min-h-11 items-center px-2 font-semibold underline">
            Sign in
          </a>
        </div>
      ) : error ? (
        <div
          role="alert"
          className="mx-4 mb-2 flex items-center justify-between gap-2 rounded-xl bg-red-50 px-3 py-2 text-red-800 text-sm dark:bg-red-950 dark:text-red-200"
        >
          <span>{readableError(error)}</span>
          <button type="button" className="min-h-11 px-2 font-semibold underline" onClick={clearError}>
            Dismiss
          </button>
        </div>
      ) : null}
      <Composer
        busy={busy}
        onSend={send}
        failed={status === "error"}
        draftKey={initialMessages.length ? chatId : "new"}
      />
    </div>
  );
}

const SUGGESTIONS = [
  "What restaurants can I order from?",
  "What's on the menu at Pizza Palace?",
  "I want a cheese pizza",
];

function EmptyChat({ onPick, recentChats }: { onPick: (text: string) => void; recentChats: Props["recentChats"] }) {
  return (
    <div className="mx-auto max-w-md py-8 text-center">
      <p className="mb-1 text-4xl" aria-hidden>
        🍕
      </p>
      <h2 className="font-semibold text-xl">What would you like to eat?</h2>
      <p className="mt-1 text-stone-600 dark:text-stone-400">
        Ask me about restaurants, menus, or just tell me what you want.
      </p>
      <ul className="mt-5 space-y-2">
        {SUGGESTIONS.map((text) => (
          <li key={text}>
            <button
              type="button"
              onClick={() => onPick(text)}
              className="min-h-11 w-full rounded-xl bg-white px-4 py-2 text-left ring-1 ring-stone-200 hover:bg-brand-50 dark:bg-stone-900 dark:ring-stone-800 dark:hover:bg-stone-800"
            >
              {text}
            </button>
          </li>
        ))}
      </ul>
      {recentChats?.length ? (
        <nav aria-label="Earlier chats" className="mt-8 text-left">
          <h3 className="mb-2 font-semibold text-sm text-stone-600 dark:text-stone-400">Earlier chats</h3>
          <ul className="space-y-1">
            {recentChats.map((chat) => (
              <li key={chat.id}>
                <Link
                  href={`/chat/${chat.id}`}
                  className="flex min-h-11 items-center rounded-xl px-3 hover:bg-stone-100 dark:hover:bg-stone-800"
                >
                  {chat.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}

function isSignedOutError(error: Error): boolean {
  try {
    const parsed = JSON.parse(error.message) as { code?: string };
    return parsed.code?.startsWith("unauthorized:") ?? false;
  } catch {
    return false;
  }
}

function readableError(error: Error): string {
  try {
    const parsed = JSON.parse(error.message) as { message?: string };
    if (parsed.message) return parsed.message;
  } catch {
    // not JSON: fall through
  }
  return error.message || "Something went wrong. Please try again.";
}
