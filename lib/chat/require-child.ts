import "server-only";
import { requireActor, type SessionActor } from "@/lib/authz";
import { AppError } from "@/lib/errors";

export const SIGNED_OUT_MESSAGE = "You're signed out. Ask a parent to help you sign in again.";

/**
 * The signed-in child, re-read from the database on every call: a child a parent removed while
 * chatting (active = false) is refused with 401 and words a child understands.
 */
export async function requireChild(action: string): Promise<SessionActor> {
  try {
    return await requireActor("CHILD", action);
  } catch (error) {
    if (error instanceof AppError && error.type === "unauthorized") {
      throw new AppError("unauthorized:chat", SIGNED_OUT_MESSAGE);
    }
    throw error;
  }
}
