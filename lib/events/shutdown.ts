import "server-only";
import { EventEmitter } from "node:events";
import { closeBus } from "./bus";

// Open event streams never end by themselves, and Next's graceful stop waits for every open request: without this,
// SIGTERM would hang until the process is killed. Closed streams reconnect (EventSource) to whichever server is up
// and resume from Last-Event-ID.
type StopState = { emitter: EventEmitter; stopping: boolean; handled: boolean };
const globalForStop = globalThis as unknown as { lunchboxStop?: StopState };
const state: StopState = globalForStop.lunchboxStop ?? { emitter: new EventEmitter(), stopping: false, handled: false };
state.emitter.setMaxListeners(0);
globalForStop.lunchboxStop = state;

/** True once the server has been told to stop: a stream opened now (a browser reconnecting) ends at once. */
export function isServerStopping(): boolean {
  return state.stopping;
}

/** `listener` runs once when the server is told to stop; returns the unsubscribe. */
export function onServerStopping(listener: () => void): () => void {
  state.emitter.once("stop", listener);
  return () => state.emitter.off("stop", listener);
}

/**
 * On SIGTERM/SIGINT: end the event streams, then the LISTEN connection (PostgreSQL). Next exits after its own
 * clean-up. Only when Next handles the signals itself: with NEXT_MANUAL_SIG_HANDLE, a listener here would keep the
 * process alive.
 */
export function handleStopSignals(): void {
  if (process.env.NEXT_MANUAL_SIG_HANDLE || state.handled) return;
  state.handled = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      state.stopping = true;
      state.emitter.emit("stop");
      void closeBus();
    });
  }
}
