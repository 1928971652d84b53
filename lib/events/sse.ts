import "server-only";
import { type Actor, isStillActor } from "@/lib/authz";
import { getEnv } from "@/lib/env";
import { onFamilyEvent } from "./bus";
import { getEventsAfter, type OutboxEvent } from "./outbox";
import { onServerStopping } from "./shutdown";

const encoder = new TextEncoder();

function frame(event: OutboxEvent): Uint8Array {
  return encoder.encode(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
}

/**
 * A Server-Sent Events stream of the outbox for one user, starting after `afterId`.
 * Wake-ups only say "look again"; events are always read from the outbox, in order, so a
 * reconnect with Last-Event-ID replays exactly what was missed.
 */
export function createEventStream(actor: Actor, afterId: number, signal: AbortSignal): ReadableStream<Uint8Array> {
  let cursor = afterId;
  let pumping = false;
  let again = false;
  let closed = false;
  const cleanups: Array<() => void> = [];

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        for (const cleanup of cleanups) cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const pump = async () => {
        if (pumping) {
          again = true;
          return;
        }
        pumping = true;
        try {
          do {
            again = false;
            const events = await getEventsAfter(
              { familyId: actor.familyId, role: actor.role, userId: actor.id },
              cursor,
            );
            // The stream outlives the request's auth check: a user removed or demoted since then gets nothing
            // more. Checked only when there is something to send, as every event of the family wakes every stream.
            if (events.length > 0 && !(await isStillActor(actor))) {
              close();
              return;
            }
            for (const event of events) {
              if (closed) return;
              controller.enqueue(frame(event));
              cursor = event.id;
            }
            if (events.length === 100) again = true;
          } while (again && !closed);
        } catch (error) {
          console.error("SSE pump failed", error);
        } finally {
          pumping = false;
        }
      };

      controller.enqueue(encoder.encode("retry: 2000\n: connected\n\n"));
      cleanups.push(onFamilyEvent(actor.familyId, () => void pump()));
      // A comment now and then keeps proxies from closing an idle stream.
      const heartbeat = setInterval(() => {
        if (!closed) controller.enqueue(encoder.encode(": ping\n\n"));
      }, getEnv().SSE_HEARTBEAT_SECONDS * 1000);
      cleanups.push(() => clearInterval(heartbeat));
      signal.addEventListener("abort", close, { once: true });
      // The server is stopping. Ending the stream with an error (not a clean end) drops the connection too, which a
      // browser would otherwise keep alive and Next's graceful stop wait for. EventSource then reconnects with
      // Last-Event-ID, to this server once it is back or to another instance.
      cleanups.push(
        onServerStopping(() => {
          if (closed) return;
          closed = true;
          for (const cleanup of cleanups) cleanup();
          controller.error(new Error("The server is stopping"));
        }),
      );
      void pump();
    },
    cancel() {
      closed = true;
      for (const cleanup of cleanups) cleanup();
    },
  });
}
