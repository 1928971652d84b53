import "server-only";
import { getEnv } from "@/lib/env";
import { createFamilyBus, type FamilyBus } from "./family-bus";

// One bus per process, on globalThis: Next may load this module in several bundles, and dev reloads it.
const globalForBus = globalThis as unknown as { lunchboxFamilyBus?: FamilyBus };

function bus(): FamilyBus {
  globalForBus.lunchboxFamilyBus ??= createFamilyBus(getEnv().DATABASE_URL);
  return globalForBus.lunchboxFamilyBus;
}

/** Call after the transaction that wrote the family's outbox rows has committed. Never throws. */
export function notifyFamily(familyId: string): void {
  try {
    bus().notify(familyId);
  } catch (error) {
    console.error("Live updates: notify failed", error);
  }
}

export function onFamilyEvent(familyId: string, listener: () => void): () => void {
  return bus().on(familyId, listener);
}

/** On shutdown: closes the LISTEN connection, if one was opened. */
export async function closeBus(): Promise<void> {
  const current = globalForBus.lunchboxFamilyBus;
  globalForBus.lunchboxFamilyBus = undefined;
  await current?.close();
}
