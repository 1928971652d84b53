import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { LazyToaster } from "@/components/ui/lazy-toaster";
import { LinkPending } from "@/components/ui/link-pending";
import { requirePageActor } from "@/lib/page-auth";

export default async function ChildLayout({ children }: { children: React.ReactNode }) {
  const child = await requirePageActor("CHILD");
  return (
    <div className="flex h-dvh flex-col">
      <header className="border-stone-200 border-b bg-white dark:border-stone-800 dark:bg-stone-900">
        <AppHeader home="/chat" userName={child.name} navLabel="Chat">
          <Link
            href="/chat/new"
            className="flex min-h-11 items-center rounded-xl px-3 font-semibold text-brand-700 hover:bg-brand-50 dark:text-brand-500 dark:hover:bg-stone-800"
          >
            New chat
            <LinkPending />
          </Link>
        </AppHeader>
      </header>
      <main className="mx-auto flex min-h-0 w-full max-w-2xl flex-1 flex-col">{children}</main>
      <LazyToaster />
    </div>
  );
}
