import type { NextAuthConfig } from "next-auth";

export type Role = "PARENT" | "CHILD";

declare module "next-auth" {
  interface User {
    role?: Role | string;
    familyId?: string;
  }
  interface Session {
    user: { id: string; name: string; role: Role; familyId: string };
  }
}

/** Where each role lands after signing in. */
export function homeFor(role: Role | undefined): string {
  return role === "PARENT" ? "/inbox" : "/chat";
}

// Edge-safe part of the config (no providers), shared with proxy.ts.
export const authConfig = {
  session: { strategy: "jwt" },
  pages: { signIn: "/login" },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.familyId = user.familyId;
        token.name = user.name;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: String(token.sub),
        name: String(token.name ?? ""),
        role: token.role as Role,
        familyId: String(token.familyId),
      };
      return session;
    },
  },
} satisfies NextAuthConfig;
