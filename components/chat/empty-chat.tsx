import Link from "next/link";
import { LinkPending } from "@/components/ui/link-pending";

const SUGGESTIONS = [
  "What restaurants can I order from?",
  "What's on the menu at Pizza Palace?",
  "I want a cheese pizza",
];

/** A new chat: what to ask, and the child's latest chats. */
export function EmptyChat({
  onPick,
  recentChats,
}: {
  onPick: (text: string) => void;
  recentChats: Array<{ id: string; title: string }>;
}) {
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
      {recentChats.length ? (
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
                  <LinkPending />
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
