// Runs once per server process, before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Fail at boot with a clear message rather than on the first request.
  const { getEnv } = await import("@/lib/env");
  getEnv();
  // The expiry sweeper: an unanswered request becomes EXPIRED and the child is told even when nobody opens
  // the inbox. Decisions also check expiry themselves.
  const { startExpirySweeper } = await import("@/lib/approvals/sweeper");
  startExpirySweeper();
  // The notification outbox worker: sends queued emails (and other channels) with retries, escalates requests
  // nobody decided and warns before expiry. Woken right after a request is made; polls otherwise.
  const { startNotifyWorker } = await import("@/lib/notify/worker");
  startNotifyWorker();
}
