import Link from "next/link";
import { redirect } from "next/navigation";
import { logout } from "@/app/(auth)/login/actions";
import { getActor } from "@/lib/authz";

export default async function ChildLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.role !== "CHILD") redirect("/inbox");
  return (
    <div className="flex h-dvh flex-col">
      <header className="flex items-center justify-between gap-2 border-stone-200 border-b bg-white px-4 py-2 dark:border-stone-800 dark:bg-stone-900">
        <Link href="/chat" className="flex min-h-11 items-center gap-2 font-bold text-lg">
          <span aria-hidden>🍱</span> Lunchbox
        </Link>
        <nav aria-label="Chat" className="flex items-center gap-1">
          <Link
            href="/chat/new"
            className="flex min-h-11 items-center rounded-xl px-3 font-semibold text-brand-700 hover:bg-brand-50 dark:text-brand-500 dark:hover:bg-stone-800"
          >
            New chat
          </Link>
          <form action={logout}>
            <button
              type="submit"
              className="min-h-11 rounded-xl px-3 text-stone-600 hover:bg-stone-100 dark:text-stone-400 dark:hover:bg-stone-800"
            >
              Sign out <span className="sr-only">({actor.name})</span>
            </button>
          </form>
        </nav>
      </header>
      <main className="mx-auto flex min-h-0 w-full max-w-2xl flex-1 flex-col">{children}</main>
    </div>
  );
}
