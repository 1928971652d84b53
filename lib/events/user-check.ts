import "server-only";
import { type Actor, areStillActors } from "@/lib/authz";

type Waiter = { actor: Actor; resolve: (still: boolean) => void; reject: (error: unknown) => void };
type Batch = { waiting: Waiter[]; reading: boolean };

// On globalThis like the feeds, so a dev hot reload does not split the batches.
const globalForChecks = globalThis as unknown as { lunchboxUserChecks?: Map<string, Batch> };
const batches = globalForChecks.lunchboxUserChecks ?? new Map<string, Batch>();
globalForChecks.lunchboxUserChecks = batches;

/**
 * Whether an open stream's user is still who it was when the stream opened, asked before the stream sends what a
 * wake-up brought. The family's streams that ask in the same tick share one read (B7's 5,000 tabs of one child used
 * to read that child 5,000 times before one event reached them all). A call never joins a read already running,
 * only the next one: whatever a stream is about to send was queued before the read that lets it through, so a user
 * removed or demoted before an event was written never gets it.
 */
export function isStillActor(actor: Actor): Promise<boolean> {
  let batch = batches.get(actor.familyId);
  if (!batch) {
    batch = { waiting: [], reading: false };
    batches.set(actor.familyId, batch);
  }
  const joined = batch;
  return new Promise((resolve, reject) => {
    joined.waiting.push({ actor, resolve, reject });
    // After this tick, so every stream the same wake-up reached is in the read.
    if (!joined.reading && joined.waiting.length === 1) queueMicrotask(() => void read(actor.familyId, joined));
  });
}

async function read(familyId: string, batch: Batch): Promise<void> {
  batch.reading = true;
  const waiting = batch.waiting.splice(0);
  try {
    const still = await areStillActors(waiting.map((w) => w.actor));
    for (const [i, w] of waiting.entries()) w.resolve(still[i] ?? false);
  } catch (error) {
    for (const w of waiting) w.reject(error);
  } finally {
    batch.reading = false;
    // Those who asked during the read get the next one; a family nobody waits on leaves no entry behind.
    if (batch.waiting.length > 0) void read(familyId, batch);
    else if (batches.get(familyId) === batch) batches.delete(familyId);
  }
}
