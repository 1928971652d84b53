import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { z } from "zod";

export const EVENTS_CHANNEL = "lunchbox_events";
// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; ours is two ids, far below.
const MAX_PAYLOAD_BYTES = 8000;

const payloadSchema = z.object({ i: z.string().min(1), f: z.string().min(1) });

/** `{"i": instance, "f": family}`: who sent it (to skip our own echo) and whose outbox to look at. */
export function encodePayload(instanceId: string, familyId: string): string {
  const payload = JSON.stringify({ i: instanceId, f: familyId });
  if (Buffer.byteLength(payload) >= MAX_PAYLOAD_BYTES) {
    throw new Error(`Live-update payload of ${Buffer.byteLength(payload)} bytes is over PostgreSQL's NOTIFY limit`);
  }
  return payload;
}

export function decodePayload(text: string): { instanceId: string; familyId: string } | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(text));
    return parsed.success ? { instanceId: parsed.data.i, familyId: parsed.data.f } : null;
  } catch {
    return null;
  }
}

export type PgNotifyLinkOptions = {
  connectionString: string;
  /** Names this process in payloads and in pg_stat_activity (`lunchbox-bus:<id>`). */
  instanceId?: string;
  channel?: string;
  /** Another instance changed this family's outbox. */
  onRemote: (familyId: string) => void;
  /** LISTEN is (again) in place: whatever was notified while it was not may have been missed. */
  onListening: () => void;
  backoff?: { initialMs: number; maxMs: number };
  log?: Pick<Console, "error" | "warn">;
};

type State = "idle" | "connecting" | "listening" | "closed";

/**
 * One dedicated PostgreSQL connection per process that LISTENs for wake-ups from other instances and sends ours
 * with pg_notify. A lost connection is reopened with exponential backoff; wake-ups that could not be sent meanwhile
 * are sent once it is back. Never throws into the request that notifies: failures are logged.
 */
export class PgNotifyLink {
  readonly instanceId: string;
  private readonly channel: string;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly log: Pick<Console, "error" | "warn">;
  private state: State = "idle";
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private attempt = 0;
  private readonly unsent = new Set<string>();

  constructor(private readonly options: PgNotifyLinkOptions) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.channel = options.channel ?? EVENTS_CHANNEL;
    this.backoff = options.backoff ?? { initialMs: 250, maxMs: 10_000 };
    this.log = options.log ?? console;
  }

  /** The name this link's connection carries in pg_stat_activity. */
  get applicationName(): string {
    return `lunchbox-bus:${this.instanceId}`.slice(0, 63);
  }

  get listening(): boolean {
    return this.state === "listening";
  }

  /** Connects on first use (a process that never streams nor changes anything opens no connection). */
  start(): void {
    if (this.state === "idle") void this.connect();
  }

  publish(familyId: string): void {
    let payload: string;
    try {
      payload = encodePayload(this.instanceId, familyId);
    } catch (error) {
      this.log.error("Live updates: wake-up not sent", error);
      return;
    }
    this.start();
    const client = this.client;
    if (this.state !== "listening" || !client) {
      this.unsent.add(familyId);
      return;
    }
    client.query("SELECT pg_notify($1, $2)", [this.channel, payload]).catch((error: unknown) => {
      // The connection is going down: the error/end handler reconnects, then this is sent again.
      this.unsent.add(familyId);
      this.log.error("Live updates: pg_notify failed; will resend after reconnecting", error);
    });
  }

  async close(): Promise<void> {
    this.state = "closed";
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.state === "closed") return;
    this.state = "connecting";
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: this.applicationName,
      // Notices a dead peer on an idle connection (no traffic but notifications).
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 10_000,
    });
    this.client = client;
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    client.on("notification", (message) => {
      if (message.channel !== this.channel || message.payload === undefined) return;
      const wake = decodePayload(message.payload);
      if (!wake) {
        this.log.warn(`Live updates: ignored a malformed payload on ${this.channel}`);
        return;
      }
      // Our own NOTIFY comes back to us too; local listeners were already woken when it was sent.
      if (wake.instanceId !== this.instanceId) this.options.onRemote(wake.familyId);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client || this.state !== "connecting") return;
    this.state = "listening";
    this.attempt = 0;
    const pending = [...this.unsent];
    this.unsent.clear();
    for (const familyId of pending) this.publish(familyId);
    this.options.onListening();
  }

  /** Called once per connection however it failed (error, end, failed connect): schedules the next attempt. */
  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners();
    // A late error on a dropped client must not become an uncaught 'error' event.
    client.on("error", () => {});
    void client.end().catch(() => {});
    if (this.state === "closed") return;
    this.state = "connecting";
    const delay = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** this.attempt);
    this.attempt += 1;
    this.log.error(
      `Live updates: PostgreSQL LISTEN connection lost (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`,
    );
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay);
    // Retrying alone must not keep a finished script alive.
    this.retry.unref();
  }
}
