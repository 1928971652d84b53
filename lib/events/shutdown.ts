import "server-only";
import { EventEmitter } from "node:events";
import { closeBus } from "./bus";

// Open event streams never end by themselves, and Next's graceful stop waits for every open request: without this,
// SIGTERM would hang until the process is killed. Closed streams reconnect (EventSource) to whichever server is up
// and resume from Last-Event-ID.
const globalForStop = globalThis as unknown as { lunchboxStopping?: EventEmitter; lunchboxStopHandled?: boolean };
const stopping = globalForStop.lunchboxStopping ?? new EventEmitter();
stopping.setMaxListeners(0);
globalForStop.lunchboxStopping = stopping;

/** `listener` runs once when the server is told to stop; returns the unsubscribe. */
export function onServerStopping(listener: () => void): () => void {
  stopping.once("stop", listener);
  return () => stopping.off("stop", listener);
}

/**
 * On SIGTERM/SIGINT: end the event streams, then the LISTEN connection (PostgreSQL). Next exits after its own
 * clean-up. Only when Next handles the signals itself: with NEXT_MANUAL_SIG_HANDLE, a listener here would keep the
 * process alive.
 */
export function handleStopSignals(): void {
  if (process.env.NEXT_MANUAL_SIG_HANDLE || globalForStop.lunchboxStopHandled) return;
  globalForStop.lunchboxStopHandled = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      stopping.emit("stop");
      void closeBus();
    });
  }
}
