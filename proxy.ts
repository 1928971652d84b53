import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth-config";

// Redirects only, for a nicer first load. Every page, route handler and action checks auth itself.
const { auth } = NextAuth(authConfig);

export default auth((req) => {
  // Only page loads are redirected; a script or download asking for data gets the handler's own 401.
  const wantsPage = req.headers.get("accept")?.includes("text/html") ?? false;
  if (!req.auth && wantsPage && req.nextUrl.pathname !== "/login") {
    return Response.redirect(new URL("/login", req.nextUrl));
  }
});

export const config = {
  matcher: ["/", "/chat/:path*", "/inbox/:path*", "/family/:path*", "/activity/:path*"],
};
