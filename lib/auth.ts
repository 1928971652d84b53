import "server-only";
import bcrypt from "bcryptjs";
import { headers } from "next/headers";
import NextAuth, { CredentialsSignin, type Session } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "@/lib/auth-config";
import { db } from "@/lib/db";
import { clearWrongPasswords, recordWrongPassword, signInBlockedFor } from "@/lib/sign-in-limit";

/** Too many wrong passwords for this account lately; the sign-in form says so. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = z.object({
  identifier: z.string().trim().toLowerCase().min(1).max(200),
  password: z.string().min(1).max(200),
});

const nextAuth = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an answer to the user, not a server error worth a stack trace.
    error(error) {
      // Matched on `type`: class names are minified in the production build.
      if (!("type" in error && error.type === "CredentialsSignin")) console.error(error);
    },
  },
  providers: [
    // Lives here, not in auth-config, because bcrypt and the database are Node-only.
    Credentials({
      credentials: { identifier: { label: "Username or email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { identifier, password } = parsed.data;
        if ((await signInBlockedFor(identifier)) > 0) throw new SignInRateLimited();
        const user = await db.user.findFirst({
          where: { active: true, OR: [{ email: identifier }, { username: identifier }] },
        });
        if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
          await recordWrongPassword(identifier);
          return null;
        }
        await clearWrongPasswords(identifier);
        return { id: user.id, name: user.name, role: user.role, familyId: user.familyId };
      },
    }),
  ],
});

export const { handlers, signIn, signOut } = nextAuth;

// Sessions read lately, by what Auth.js reads to find one (protocol, host, cookies); least recently used dropped.
const SESSION_MEMO_MS = 60_000;
const MAX_SESSIONS = 1000;
const sessions = new Map<string, { session: Session; until: number }>();

/**
 * The request's session: who is signed in, nothing more (lib/authz.ts reads role, family and whether the account
 * is still active from the database on every call). Auth.js decrypts the session cookie and encrypts a renewed one
 * for every call, which a route handler then throws away: the costliest part of checking a request. The same cookie
 * always holds the same session, so a session found is kept for SESSION_MEMO_MS per cookie; the only difference it
 * makes is that a cookie is honoured up to that long after its (30-day) expiry. No session is never kept.
 */
export async function auth(): Promise<Session | null> {
  const h = await headers();
  const key = [h.get("x-forwarded-proto"), h.get("x-forwarded-host") ?? h.get("host"), h.get("cookie")].join("\n");
  const now = Date.now();
  const held = sessions.get(key);
  sessions.delete(key);
  if (held && held.until > now) {
    sessions.set(key, held);
    return held.session;
  }
  const session = await nextAuth.auth();
  if (session?.user?.id) {
    sessions.set(key, { session, until: now + SESSION_MEMO_MS });
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
  }
  return session;
}
