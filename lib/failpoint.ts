// Crash injection for the crash-consistency harness (THREATS.md rows 13 and 14): at a named point the server
// dies at once, as in a power cut, so a test can prove that what was committed before still holds together.

/** Failpoint names and the probability each fires with, from a spec like "decide.after-swap,create.after-row:0.3". */
export function parseFailpoints(spec: string | undefined): Map<string, number> {
  const points = new Map<string, number>();
  for (const entry of (spec ?? "").split(",")) {
    const [rawName = "", rawProbability, ...extra] = entry.split(":");
    const name = rawName.trim();
    if (!name || extra.length > 0) continue;
    if (rawProbability === undefined) {
      points.set(name, 1);
      continue;
    }
    const probability = Number(rawProbability.trim());
    // A typo must not turn into "always": an unreadable probability disables that point.
    if (rawProbability.trim() === "" || !Number.isFinite(probability) || probability < 0 || probability > 1) continue;
    points.set(name, probability);
  }
  return points;
}

/** Whether `name` fires now: only when failpoints are enabled for this process, and then by its probability. */
export function shouldFail(
  name: string,
  env: Record<string, string | undefined> = process.env,
  random: () => number = Math.random,
): boolean {
  // Two variables: a stray LUNCHBOX_FAILPOINT in production cannot kill the server by itself.
  if (env.LUNCHBOX_FAILPOINTS_ENABLED !== "1") return false;
  const probability = parseFailpoints(env.LUNCHBOX_FAILPOINT).get(name);
  if (probability === undefined || probability <= 0) return false;
  return probability >= 1 || random() < probability;
}

/** Kills the process hard at this point when the harness asked for it; otherwise does nothing. */
export function failpoint(name: string): void {
  if (!shouldFail(name)) return;
  // SIGKILL: no finally blocks, no rollback, no flush; exactly what a crash leaves behind.
  console.error(`[failpoint] ${name}: killing process ${process.pid}`);
  process.kill(process.pid, "SIGKILL");
}
