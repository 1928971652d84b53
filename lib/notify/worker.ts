import "server-only";
import { getEnv } from "@/lib/env";
import { type DeliverOptions, type DeliverSummary, deliverDue } from "./deliver";
import { escalateDueRequests, warnExpiringRequests } from "./timers";

export type PassSummary = DeliverSummary & { escalated: number; warned: number };

/** One pass: queue escalations and expiry warnings that are due, then deliver what is due. */
export async function runNotifyPass(options: DeliverOptions = {}): Promise<PassSummary> {
  const now = options.now ?? new Date();
  const escalated = await escalateDueRequests({ now });
  const warned = await warnExpiringRequests({ now });
  const delivered = await deliverDue({ ...options, now });
  return { ...delivered, escalated: escalated.length, warned: warned.length };
}

type WorkerState = { timer?: NodeJS.Timeout; running: boolean; again: boolean };
const globalForWorker = globalThis as unknown as { lunchboxNotifyWorker?: WorkerState };

function state(): WorkerState {
  globalForWorker.lunchboxNotifyWorker ??= { running: false, again: false };
  return globalForWorker.lunchboxNotifyWorker;
}

/** Runs passes one at a time; a wake-up during a pass runs one more right after it. */
async function loop(): Promise<void> {
  const worker = state();
  if (worker.running) {
    worker.again = true;
    return;
  }
  worker.running = true;
  try {
    do {
      worker.again = false;
      await runNotifyPass().catch((error) => console.error("Notification pass failed", error));
    } while (worker.again);
  } finally {
    worker.running = false;
  }
}

/** Starts polling every NOTIFY_POLL_SECONDS (from instrumentation.ts, once per server process). */
export function startNotifyWorker(): void {
  const worker = state();
  if (worker.timer) return;
  const timer = setInterval(() => void loop(), getEnv().NOTIFY_POLL_SECONDS * 1000);
  timer.unref();
  worker.timer = timer;
}

/** Stops polling (tests; a server shutting down). A pass under way finishes. */
export function stopNotifyWorker(): void {
  const worker = state();
  clearInterval(worker.timer);
  worker.timer = undefined;
}

/**
 * Call after committing a transaction that queued deliveries, so a new request is sent within about a second
 * instead of at the next poll. Does nothing where the worker does not run (scripts, tests).
 */
export function wakeNotifyWorker(): void {
  if (!state().timer) return;
  setImmediate(() => void loop());
}
