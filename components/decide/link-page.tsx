import Link from "next/link";

/** The frame of a decision link's page: no app navigation, since the visitor may not be signed in. */
export function LinkPage({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-dvh">
      <header className="border-stone-200 border-b bg-white dark:border-stone-800 dark:bg-stone-900">
        <div className="mx-auto flex max-w-lg items-center px-4 py-2">
          <Link href="/" className="flex min-h-11 items-center gap-2 font-bold text-lg">
            <span aria-hidden>🍱</span> Lunchbox
          </Link>
        </div>
      </header>
      {/* Bottom padding: room for the confirm screen's fixed action bar. */}
      <main className="mx-auto max-w-lg px-4 pt-5 pb-56">{children}</main>
    </div>
  );
}

/** A page that explains why there is nothing to confirm, and where to go instead. */
export function LinkNotice({
  title,
  children,
  action,
}: {
  title: string;
  children?: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <LinkPage>
      <section className="rounded-2xl bg-white p-5 ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
        <h1 className="font-bold text-2xl">{title}</h1>
        {children ? <div className="mt-2 space-y-2 text-stone-700 dark:text-stone-300">{children}</div> : null}
        <div className="mt-4 flex flex-wrap gap-2">
          {action ?? (
            <Link
              href="/inbox"
              className="flex min-h-11 items-center rounded-xl bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
            >
              Open the inbox
            </Link>
          )}
        </div>
      </section>
    </LinkPage>
  );
}
