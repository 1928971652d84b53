import "server-only";
import { cache } from "react";

// Turns of the event loop to give away. Next writes the rendered HTML out through a buffer it flushes on
// setImmediate, after React's own scheduling (Flight → Fizz → the buffer): measured on /inbox with B5's data, the
// shell went out after 3 turns and never with 0–2; 6 leaves room for a deeper pipeline. Each turn costs
// microseconds when the process is idle. This is for a shell the socket takes at once (the inbox's first flush is
// about 64 KiB, stylesheet inlined): a shell the client must read first waits for it, which no number of turns
// ensures (the activity page's 140 KiB stayed behind its chain check even after 100 turns, on a loaded host; there the
// check itself must yield as it goes).
const TURNS = 6;

/**
 * Lets the page's shell (what is outside Suspense boundaries, with their fallbacks) go out before the caller goes
 * on. Call it at the top of a suspended component, before its work (queries, or rendering that costs). better-sqlite3 answers synchronously, so
 * on SQLite a component's queries resolve as microtasks and never give the event loop a turn: without this, the
 * fallback would be sent together with the content, after all of it was rendered. Once per request (cached), so
 * sibling boundaries wait for the same turns. On PostgreSQL every query waits for the network anyway.
 */
export const shellSent = cache(async (): Promise<void> => {
  for (let i = 0; i < TURNS; i++) await new Promise<void>((resolve) => setImmediate(resolve));
});
