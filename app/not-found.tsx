import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-full max-w-sm flex-col items-center justify-center gap-4 px-5 py-10 text-center">
      <p className="text-5xl" aria-hidden>
        🥡
      </p>
      <h1 className="font-bold text-2xl">We couldn't find that</h1>
      <p className="text-stone-600 dark:text-stone-400">It may have been removed, or it belongs to someone else.</p>
      <Link
        href="/"
        className="flex min-h-11 items-center rounded-xl bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
      >
        Go back home
      </Link>
    </main>
  );
}
