import Link from "next/link";
import { logout } from "@/app/(auth)/login/actions";

type Props = { home: string; userName: string; navLabel: string; children: React.ReactNode };

/** The top bar of signed-in pages: home link, the page's own links, and sign out. */
export function AppHeader({ home, userName, navLabel, children }: Props) {
  return (
    <div className="mx-auto flex w-full max-w-3xl items-center justify-between gap-2 px-4 py-2">
      <Link href={home} className="flex min-h-11 items-center gap-2 font-bold text-lg">
        <span aria-hidden>🍱</span> <span className="max-sm:sr-only">Lunchbox</span>
      </Link>
      <nav aria-label={navLabel} className="flex items-center gap-1">
        {children}
        <form action={logout}>
          <button
            type="submit"
            className="min-h-11 rounded-xl px-2 text-stone-600 sm:px-3 hover:bg-stone-100 dark:text-stone-400 dark:hover:bg-stone-800"
          >
            Sign out <span className="sr-only">({userName})</span>
          </button>
        </form>
      </nav>
    </div>
  );
}
