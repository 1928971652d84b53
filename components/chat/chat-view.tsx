"use client";

import { type ComponentType, useCallback, useEffect, useRef, useState } from "react";
import { type LiveEvent, useLiveEvents } from "@/components/live/use-live-events";
import { toastError } from "@/components/ui/lazy-toaster";
import type { ChatMessage, RequestStatus, RequestStatuses } from "@/lib/chat/types";
import type { ChatEngine, ChatEngineState, Outgoing } from "./chat-engine";
import { Composer } from "./composer";
import { EmptyChat } from "./empty-chat";
import { MessageList } from "./message-list";
import { type HeaderStatus, StatusBar } from "./status-bar";

type Props = {
  chatId: string;
  initialMessages: ChatMessage[];
  initialStatuses: RequestStatuses;
  eventCursor: number;
  headerStatus: HeaderStatus;
  /** A parent's answer waits to be told in this chat (read after `eventCursor`): ask for it at once. */
  untoldOutcome?: boolean;
  recentChats?: Array<{ id: string; title: string }>;
};

type Queued = Outgoing & { after: number };

let engineModule: Promise<typeof import("./chat-engine")> | undefined;
/** The AI SDK's half of the chat, fetched once, on the first need; a failed fetch is tried again next time. */
function loadEngine() {
  engineModule ??= import("./chat-engine").catch((error: unknown) => {
    engineModule = undefined;
    throw error;
  });
  return engineModule;
}

const NOT_LOADED = "Lunchbox could not load. Check your connection and try again.";

export function ChatView({
  chatId,
  initialMessages,
  initialStatuses,
  eventCursor,
  headerStatus: initialHeader,
  untoldOutcome = false,
  recentChats = [],
}: Props) {
  const [statuses, setStatuses] = useState(initialStatuses);
  const [header, setHeader] = useState(initialHeader);
  const [signedOut, setSignedOut] = useState(false);
  // Until the engine is loaded the chat is what the server rendered: nothing is sent or streaming.
  const [Engine, setEngine] = useState<ComponentType<Parameters<typeof ChatEngine>[0]> | null>(null);
  const [chat, setChat] = useState<ChatEngineState>(() => ({
    messages: initialMessages,
    status: "ready",
    error: undefined,
    clearError: () => {},
  }));
  const [outgoing, setOutgoing] = useState<Queued | null>(null);
  const [resumeRequest, setResumeRequest] = useState(untoldOutcome ? 1 : 0);
  const [loadError, setLoadError] = useState<Error | null>(null);

  /** Loads the engine; `needed` when something waits for it (a message, an answer), so a failure is shown. */
  const startEngine = useCallback((needed: boolean) => {
    loadEngine().then(
      (module) => setEngine(() => module.ChatEngine),
      () => {
        if (!needed) return;
        setOutgoing(null);
        setLoadError(new Error(NOT_LOADED));
      },
    );
  }, []);
  useEffect(() => {
    if (resumeRequest > 0) startEngine(true);
  }, [resumeRequest, startEngine]);

  const onError = useCallback((err: Error) => {
    // A child removed (or signed out) mid-chat gets a clear way back, not a generic error.
    if (isSignedOutError(err)) setSignedOut(true);
    else toastError(readableError(err));
  }, []);

  const refreshHeader = useCallback(async () => {
    const response = await fetch("/api/chat/status", { cache: "no-store" }).catch(() => null);
    if (response?.status === 401) setSignedOut(true);
    if (!response?.ok) return;
    setHeader((await response.json()) as HeaderStatus);
  }, []);

  // A parent's decision arrives by push; the engine asks for the reply once the chat is idle.
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
      if (eventChatId === chatId) setResumeRequest((n) => n + 1);
    },
    [chatId, refreshHeader],
  );
  useLiveEvents(eventCursor, onEvent);

  // A message sent before the engine took it is shown at once, as sent and waiting for Lunchbox.
  const waiting = outgoing !== null && chat.messages.length <= outgoing.after;
  const messages: ChatMessage[] = waiting
    ? [
        ...chat.messages,
        { id: `outgoing-${outgoing.id}`, role: "user", parts: [{ type: "text", text: outgoing.text }] },
      ]
    : chat.messages;
  const status = loadError ? "error" : waiting ? "submitted" : chat.status;
  const error = loadError ?? chat.error;

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
    setLoadError(null);
    setOutgoing((previous) => ({ id: (previous?.id ?? 0) + 1, text, after: chat.messages.length }));
    startEngine(true);
  };
  const dismiss = () => {
    setLoadError(null);
    chat.clearError();
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {Engine ? (
        <Engine
          chatId={chatId}
          initialMessages={initialMessages}
          outgoing={outgoing}
          resumeRequest={resumeRequest}
          onState={setChat}
          onError={onError}
        />
      ) : null}
      <StatusBar status={header} />
      {/* A log announces new messages politely; focusable so keyboard users can scroll the conversation. Reversed
          flex: the browser opens it scrolled to the newest message, so the first paint already shows it (no jump
          after the script runs); mb-auto keeps a short chat at the top. */}
      <div
        className="flex min-h-0 flex-1 flex-col-reverse overflow-y-auto px-4 py-4"
        role="log"
        aria-label="Conversation"
        aria-busy={busy}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
      >
        <div className="mb-auto">
          {messages.length === 0 ? <EmptyChat onPick={send} recentChats={recentChats} /> : null}
          <MessageList messages={messages} statuses={statuses} />
          {status === "submitted" ? (
            <p className="mt-4 animate-pulse text-stone-500" role="status">
              Lunchbox is thinking…
            </p>
          ) : null}
          {/* scroll-margin: scrolled into view with the log's bottom padding, as the first paint shows it. */}
          <div ref={bottom} className="scroll-mb-4" />
        </div>
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
          <button type="button" className="min-h-11 px-2 font-semibold underline" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      ) : null}
      <Composer
        busy={busy}
        onSend={send}
        // Typing a message is the first sign the engine will be needed: fetch it while the child types.
        onFocus={() => startEngine(false)}
        failed={status === "error"}
        draftKey={initialMessages.length ? chatId : "new"}
      />
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
