import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Flood control for the chat (THREATS.md row 18): each turn can become a request to a parent, so a child (or a
// script with the child's session) is limited to CHAT_TURNS_PER_MINUTE turns. The pending cap and the merging
// of identical requests hold the inbox's side; this keeps the agent and the database from being hammered.
// In memory, so per server process.
let limiter: { points: number; instance: RateLimiterMemory } | undefined;

function limiterFor(points: number): RateLimiterMemory {
  if (limiter?.points !== points) {
    limiter = { points, instance: new RateLimiterMemory({ keyPrefix: "chat-turn", points, duration: 60 }) };
  }
  return limiter.instance;
}

export const SLOW_DOWN_MESSAGE = "Whoa, that's a lot of messages! Wait a minute, then try again.";

/** Counts one chat turn for the child; refuses with 429 and plain words when over the limit. */
export async function consumeChatTurn(childId: string): Promise<void> {
  try {
    await limiterFor(getEnv().CHAT_TURNS_PER_MINUTE).consume(childId);
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection;
    const seconds = Math.ceil((rejection as { msBeforeNext: number }).msBeforeNext / 1000);
    throw new AppError("rate_limit:chat", SLOW_DOWN_MESSAGE, { retryAfterSeconds: seconds });
  }
}
