import v8 from "node:v8";

// B7's memory read for `npm run bench`: a full garbage collection, then the process's memory, so the bench can tell
// what the server retains per open stream from garbage not yet collected (resident memory counts both). Answers 404
// unless the bench's own server set LUNCHBOX_BENCH=1, and 501 unless it runs with --expose-gc.
export const dynamic = "force-dynamic";

export async function GET() {
  if (process.env.LUNCHBOX_BENCH !== "1") return new Response("Not found", { status: 404 });
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return new Response("Start the server with node --expose-gc.", { status: 501 });
  // Twice, with a turn between: what the first collection's finalizers let go of goes in the second.
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  // V8's spaces too: which of them holds what the heap has committed beyond what is used.
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]),
  );
  return Response.json({ ...process.memoryUsage(), spaces });
}
