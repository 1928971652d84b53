// B7's baseline for `npm run bench`: the least an open event stream costs in a Next route handler, a response that
// sends one comment and stays open, with no session, database, feed or timer. Beside /api/events in the same
// `next start`, it shows how much of a stream's memory is Next's own. Answers 404 unless the bench's own server set
// LUNCHBOX_BENCH=1, so it does not exist in a normal deployment.
export const dynamic = "force-dynamic";

const HELLO = new TextEncoder().encode(": connected\n\n");

export function GET() {
  if (process.env.LUNCHBOX_BENCH !== "1") return new Response("Not found", { status: 404 });
  // Ends when the client leaves: Next cancels the body then.
  const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(HELLO) });
  return new Response(body, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform" },
  });
}
