import Link from "next/link";
import { logout } from "@/app/(auth)/login/actions";
import { requirePageActor } from "@/lib/page-auth";

export default async function ParentLayout({ children }: { children: React.ReactNode }) {
  const parent = await requirePageActor("PARENT");
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-10 border-stone-200 border-b bg-white/95 backdrop-blur dark:border-stone-800 dark:bg-stone-900/95">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-2 px-4 py-2">
          <Link href="/inbox" className="flex min-h-11 items-center gap-2 font-bold text-lg">
            <span aria-hidden>🍱</span> Lunchbox
          </Link>
          <nav aria-label="Parent" className="flex items-center gap-1">
            <Link
              href="/inbox"
              className="flex min-h-11 items-center rounded-xl px-3 font-semibold hover:bg-stone-100 dark:hover:bg-stone-800"
            >
              Inbox
            </Link>
            <form action={logout}>
              <button
                type="submit"
                className="min-h-11 rounded-xl px-3 text-stone-600 hover:bg-stone-100 dark:text-stone-400 dark:hover:bg-stone-800"
              >
                Sign out <span className="sr-only">({parent.name})</span>
              </button>
            </form>
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
    </div>
  );
}
