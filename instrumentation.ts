// Runs once per server process: the expiry sweeper, so an unanswered request becomes EXPIRED and
// the child is told even when nobody opens the inbox. Decisions also check expiry themselves.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startExpirySweeper } = await import("@/lib/approvals/sweeper");
  startExpirySweeper();
}
