import "server-only";
import { EventEmitter } from "node:events";

// In-process wake-up signal: "the outbox of family X has something new". Listeners then read the
// outbox themselves, so the same code works when the signal later comes from another process.
const globalForBus = globalThis as unknown as { lunchboxBus?: EventEmitter };
const bus = globalForBus.lunchboxBus ?? new EventEmitter();
bus.setMaxListeners(0);
globalForBus.lunchboxBus = bus;

export function notifyFamily(familyId: string): void {
  bus.emit(familyId);
}

export function onFamilyEvent(familyId: string, listener: () => void): () => void {
  bus.on(familyId, listener);
  return () => bus.off(familyId, listener);
}
