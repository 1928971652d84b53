import "server-only";
import bcrypt from "bcryptjs";
import NextAuth, { CredentialsSignin } from "next-auth";
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

export const { handlers, auth, signIn, signOut } = NextAuth({
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
