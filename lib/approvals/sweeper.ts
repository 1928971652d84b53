import "server-only";
import { getEnv } from "@/lib/env";
import { expireDueRequests } from "./expire";

const globalForSweeper = globalThis as unknown as { lunchboxSweeper?: NodeJS.Timeout };

export function startExpirySweeper(): void {
  if (globalForSweeper.lunchboxSweeper) return;
  const every = getEnv().EXPIRY_SWEEP_SECONDS * 1000;
  const timer = setInterval(() => {
    expireDueRequests().catch((error) => console.error("Expiry sweep failed", error));
  }, every);
  timer.unref();
  globalForSweeper.lunchboxSweeper = timer;
}
