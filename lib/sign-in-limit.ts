import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";

// Slows password guessing: after 10 wrong passwords for one account within 15 minutes, that account's
// sign-in is refused for 15 minutes. In memory, so per server process (several instances: see issue 6).
const WRONG_PASSWORDS = 10;
const WINDOW_SECONDS = 15 * 60;

const limiter = new RateLimiterMemory({
  keyPrefix: "sign-in",
  points: WRONG_PASSWORDS,
  duration: WINDOW_SECONDS,
  blockDuration: WINDOW_SECONDS,
});

/** Seconds until the account may try again, or 0 when it may try now. */
export async function signInBlockedFor(identifier: string): Promise<number> {
  const state = await limiter.get(identifier);
  return state && state.consumedPoints >= WRONG_PASSWORDS ? Math.ceil(state.msBeforeNext / 1000) : 0;
}

export async function recordWrongPassword(identifier: string): Promise<void> {
  await limiter.penalty(identifier, 1);
}

export async function clearWrongPasswords(identifier: string): Promise<void> {
  await limiter.delete(identifier);
}
