import "server-only";
import type { Actor } from "@/lib/authz";
import { getEnv } from "@/lib/env";
import { type FeedListener, subscribeFamilyFeed, unsubscribeFamilyFeed } from "./family-feed";
import { getEventsAfter, type OutboxEvent } from "./outbox";
import { onServerStopping } from "./shutdown";
import { isStillActor } from "./user-check";

const encoder = new TextEncoder();
const HELLO = encoder.encode("retry: 2000\n: connected\n\n");
const PING = encoder.encode(": ping\n\n");
const REPLAY_PAGE = 100;

// The feed hands the same event objects to every stream of the family: each is encoded once, not once per stream.
const frames = new WeakMap<OutboxEvent, Uint8Array>();

function frame(event: OutboxEvent): Uint8Array {
  let bytes = frames.get(event);
  if (!bytes) {
    bytes = encoder.encode(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
    frames.set(event, bytes);
  }
  return bytes;
}

/**
 * A Server-Sent Events stream of the outbox for one user, starting after `afterId`.
 * First it replays what the user missed from the outbox itself; after that, new events come from the family's
 * shared feed (one outbox read per wake-up for all the family's streams), narrowed to what this user may see.
 * Either way events go out in id order and once, so a reconnect with Last-Event-ID replays exactly what was missed.
 */
export function createEventStream(actor: Actor, afterId: number, signal: AbortSignal): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(new LiveStream(actor, afterId, signal));
}

/**
 * One open stream. A class, not closures: thousands stay open for hours (B7), and what each holds is what one
 * instance can serve. The stream is its own source, feed listener and abort listener; the heartbeat and the stop
 * signal are shared by all streams of the process (below).
 */
class LiveStream implements UnderlyingDefaultSource<Uint8Array>, FeedListener, EventListenerObject {
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  /** Highest id queued for sending; the queue holds events not yet sent, in order. */
  private queued: number;
  private queue: OutboxEvent[] = [];
  /** Feed events that arrive while the replay reads the outbox; null once the stream follows the feed. */
  private held: OutboxEvent[] | null = [];
  private sending = false;
  private closed = false;

  constructor(
    private readonly actor: Actor,
    afterId: number,
    private readonly signal: AbortSignal,
  ) {
    this.queued = afterId;
  }

  start(controller: ReadableStreamDefaultController<Uint8Array>): void {
    this.controller = controller;
    controller.enqueue(HELLO);
    // Subscribed before the replay reads, so nothing committed meanwhile falls between the two.
    subscribeFamilyFeed(this.actor.familyId, this.queued, this);
    openStreams.add(this);
    this.signal.addEventListener("abort", this, { once: true });
    void this.replay();
  }

  /** The client went away. */
  cancel(): void {
    this.close();
  }

  /** The request's abort signal. */
  handleEvent(): void {
    this.close();
  }

  deliver(events: OutboxEvent[]): void {
    if (this.held) this.held.push(...events);
    else this.take(events);
  }

  ping(): void {
    this.controller?.enqueue(PING);
  }

  /** Ends the stream; with an error, the client's EventSource reconnects and replays from its last event. */
  close(error?: Error): void {
    if (this.closed) return;
    this.closed = true;
    unsubscribeFamilyFeed(this.actor.familyId, this);
    openStreams.delete(this);
    this.signal.removeEventListener("abort", this);
    try {
      if (error) this.controller?.error(error);
      else this.controller?.close();
    } catch {
      // already closed by the client
    }
  }

  private take(events: OutboxEvent[]): void {
    const { actor } = this;
    for (const event of events) {
      // The same rule as getEventsAfter's query: a parent sees the family's events, a child only its own.
      if (event.id <= this.queued || (actor.role !== "PARENT" && event.childId !== actor.id)) continue;
      this.queue.push(event);
      this.queued = event.id;
    }
    if (this.queue.length > 0) void this.send();
  }

  private async send(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.queue.length > 0 && !this.closed) {
        const batch = this.queue.splice(0);
        // The stream outlives the request's auth check: a user removed or demoted since then gets nothing more.
        // Checked only when there is something to send, in one read for the family's streams (user-check.ts).
        if (!(await isStillActor(this.actor))) {
          this.close();
          return;
        }
        for (const event of batch) {
          if (this.closed) return;
          this.controller?.enqueue(frame(event));
        }
      }
    } catch (error) {
      // What was taken from the queue is not lost: the client reconnects and replays it from the outbox.
      console.error("SSE send failed", error);
      this.close(new Error("Live updates failed; reconnect"));
    } finally {
      this.sending = false;
    }
  }

  private async replay(): Promise<void> {
    const { actor } = this;
    const audience = { familyId: actor.familyId, role: actor.role, userId: actor.id };
    try {
      for (;;) {
        const events = await getEventsAfter(audience, this.queued, undefined, REPLAY_PAGE);
        this.take(events);
        if (events.length < REPLAY_PAGE || this.closed) break;
      }
    } catch (error) {
      // Following the feed now would skip the gap the replay was to fill: the client reconnects and tries again.
      console.error("SSE replay failed", error);
      this.close(new Error("Live updates failed; reconnect"));
    } finally {
      const held = this.held ?? [];
      this.held = null;
      if (!this.closed) this.take(held);
    }
  }
}

/**
 * Every open stream of this process, with the one heartbeat timer and the one stop listener they share instead of
 * a timer and a listener each. On globalThis like the feeds, so a dev hot reload keeps one set.
 */
class OpenStreams {
  private readonly streams = new Set<LiveStream>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  constructor() {
    // The server is stopping. Ending each stream with an error (not a clean end) drops the connection too, which a
    // browser would otherwise keep alive and Next's graceful stop wait for. EventSource then reconnects with
    // Last-Event-ID, to this server once it is back or to another instance.
    onServerStopping(() => {
      for (const stream of this.streams) stream.close(new Error("The server is stopping"));
    });
  }

  add(stream: LiveStream): void {
    this.streams.add(stream);
    // A comment now and then keeps proxies from closing an idle stream. The timer runs only while streams are open
    // (it holds the async context of the request that started it: one request's, not one per stream).
    this.heartbeat ??= setInterval(() => this.beat(), getEnv().SSE_HEARTBEAT_SECONDS * 1000).unref();
  }

  delete(stream: LiveStream): void {
    this.streams.delete(stream);
    if (this.streams.size > 0 || !this.heartbeat) return;
    clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private beat(): void {
    for (const stream of this.streams) {
      try {
        stream.ping();
      } catch {
        stream.close();
      }
    }
  }
}

const globalForStreams = globalThis as unknown as { lunchboxOpenStreams?: OpenStreams };
globalForStreams.lunchboxOpenStreams ??= new OpenStreams();
const openStreams = globalForStreams.lunchboxOpenStreams;
