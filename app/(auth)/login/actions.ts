"use server";

import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/lib/auth";

export type LoginState = { error?: string; identifier?: string };

export async function login(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const identifier = String(formData.get("identifier") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!identifier || !password) return { error: "Please enter your username or email and your password.", identifier };
  try {
    await signIn("credentials", { identifier, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { error: "Too many wrong passwords for this account. Please wait 15 minutes and try again.", identifier };
    }
    if (error instanceof AuthError) return { error: "That username or password is not right. Try again.", identifier };
    throw error;
  }
  // The home page sends each role where it belongs.
  redirect("/");
}

export async function logout(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
