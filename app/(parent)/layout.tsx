import { AppHeader } from "@/components/layout/app-header";
import { NavLink } from "@/components/layout/nav-link";
import { Toaster } from "@/components/ui/toaster";
import { requirePageActor } from "@/lib/page-auth";

export default async function ParentLayout({ children }: { children: React.ReactNode }) {
  const parent = await requirePageActor("PARENT");
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-10 border-stone-200 border-b bg-white/95 backdrop-blur dark:border-stone-800 dark:bg-stone-900/95">
        <AppHeader home="/inbox" userName={parent.name} navLabel="Parent">
          <NavLink href="/inbox">Inbox</NavLink>
          <NavLink href="/family">Family</NavLink>
          <NavLink href="/activity">Activity</NavLink>
        </AppHeader>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
      <Toaster />
    </div>
  );
}
