import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { requirePageActor } from "@/lib/page-auth";

export default async function ParentLayout({ children }: { children: React.ReactNode }) {
  const parent = await requirePageActor("PARENT");
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-10 border-stone-200 border-b bg-white/95 backdrop-blur dark:border-stone-800 dark:bg-stone-900/95">
        <AppHeader home="/inbox" userName={parent.name} navLabel="Parent">
          <Link
            href="/inbox"
            className="flex min-h-11 items-center rounded-xl px-3 font-semibold hover:bg-stone-100 dark:hover:bg-stone-800"
          >
            Inbox
          </Link>
        </AppHeader>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
    </div>
  );
}
