import { getActor } from "@/lib/authz";
import { AppError, errorResponse } from "@/lib/errors";
import { getLatestEventId } from "@/lib/events/outbox";
import { isServerStopping } from "@/lib/events/shutdown";
import { createEventStream } from "@/lib/events/sse";

export const dynamic = "force-dynamic";

function parseCursor(value: string | null): number | null {
  if (value === null || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}

/** Live updates for the signed-in user. EventSource resends Last-Event-ID on reconnect; `after` is the page's cursor. */
export async function GET(request: Request) {
  // A browser reconnecting while this server stops: try again shortly, here once it is back or on another instance.
  // `Connection: close` so the connection does not hold the graceful stop open.
  if (isServerStopping()) {
    return new Response("The server is restarting.", {
      status: 503,
      headers: { "Retry-After": "2", Connection: "close", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("unauthorized:events", "Please sign in.");
    const url = new URL(request.url);
    const afterId =
      parseCursor(request.headers.get("last-event-id")) ??
      parseCursor(url.searchParams.get("after")) ??
      (await getLatestEventId(actor.familyId));
    return new Response(createEventStream(actor, afterId, request.signal), {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
