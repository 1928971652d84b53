"use client";

import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto flex min-h-full max-w-sm flex-col items-center justify-center gap-4 px-5 py-10 text-center">
      <h1 className="font-bold text-2xl">Something went wrong</h1>
      <p className="text-stone-600 dark:text-stone-400">Nothing you asked for was lost. Please try again.</p>
      <button
        type="button"
        onClick={reset}
        className="min-h-11 rounded-xl bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
      >
        Try again
      </button>
    </main>
  );
}
