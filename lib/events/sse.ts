import "server-only";
import { type Actor, isStillActor } from "@/lib/authz";
import { getEnv } from "@/lib/env";
import { subscribeFamilyFeed } from "./family-feed";
import { getEventsAfter, type OutboxEvent } from "./outbox";
import { onServerStopping } from "./shutdown";

const encoder = new TextEncoder();

function frame(event: OutboxEvent): Uint8Array {
  return encoder.encode(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
}

/**
 * A Server-Sent Events stream of the outbox for one user, starting after `afterId`.
 * First it replays what the user missed from the outbox itself; after that, new events come from the family's
 * shared feed (one outbox read per wake-up for all the family's streams), narrowed to what this user may see.
 * Either way events go out in id order and once, so a reconnect with Last-Event-ID replays exactly what was missed.
 */
export function createEventStream(actor: Actor, afterId: number, signal: AbortSignal): ReadableStream<Uint8Array> {
  const audience = { familyId: actor.familyId, role: actor.role, userId: actor.id };
  // The same rule as getEventsAfter's query: a parent sees the family's events, a child only its own.
  const visible = (event: OutboxEvent) => actor.role === "PARENT" || event.childId === actor.id;
  /** Highest id queued for sending; the queue holds events not yet sent, in order. */
  let queued = afterId;
  const queue: OutboxEvent[] = [];
  let sending = false;
  let replaying = true;
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
      const send = async () => {
        if (sending) return;
        sending = true;
        try {
          while (queue.length > 0 && !closed) {
            const batch = queue.splice(0);
            // The stream outlives the request's auth check: a user removed or demoted since then gets nothing
            // more. Checked only when there is something to send.
            if (!(await isStillActor(actor))) {
              close();
              return;
            }
            for (const event of batch) {
              if (closed) return;
              controller.enqueue(frame(event));
            }
          }
        } catch (error) {
          console.error("SSE send failed", error);
        } finally {
          sending = false;
        }
      };
      const take = (events: OutboxEvent[]) => {
        for (const event of events) {
          if (event.id <= queued || !visible(event)) continue;
          queue.push(event);
          queued = event.id;
        }
        void send();
      };
      const held: OutboxEvent[] = [];
      // Subscribed before the replay reads, so nothing committed meanwhile falls between the two.
      cleanups.push(
        subscribeFamilyFeed(actor.familyId, afterId, (events) => {
          if (replaying) held.push(...events);
          else take(events);
        }),
      );
      const replay = async () => {
        try {
          for (;;) {
            const events = await getEventsAfter(audience, queued);
            take(events);
            if (events.length < 100 || closed) break;
          }
        } catch (error) {
          console.error("SSE replay failed", error);
        } finally {
          replaying = false;
          take(held.splice(0));
        }
      };

      controller.enqueue(encoder.encode("retry: 2000\n: connected\n\n"));
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
      void replay();
    },
    cancel() {
      closed = true;
      for (const cleanup of cleanups) cleanup();
    },
  });
}
