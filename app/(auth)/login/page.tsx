import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { homeFor } from "@/lib/auth-config";
import { getActor } from "@/lib/authz";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  const actor = await getActor();
  if (actor) redirect(homeFor(actor.role));
  return (
    <main className="mx-auto flex min-h-full max-w-sm flex-col justify-center px-5 py-10">
      <div className="mb-8 text-center">
        <div aria-hidden className="mb-3 text-5xl">
          🍱
        </div>
        <h1 className="font-bold text-3xl tracking-tight">Lunchbox</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          Order food by chatting. Parents say yes to the special stuff.
        </p>
      </div>
      <LoginForm />
    </main>
  );
}
