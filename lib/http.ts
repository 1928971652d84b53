import "server-only";
import { AppError } from "@/lib/errors";

/**
 * Refuses cross-site requests to JSON routes that act on the session cookie. Server actions get the
 * same check from Next; browsers always send Origin on cross-site POSTs, so a missing header is allowed.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("forbidden:origin", "Cross-site requests are not allowed.");
  }
  if (originHost !== host) throw new AppError("forbidden:origin", "Cross-site requests are not allowed.");
}
