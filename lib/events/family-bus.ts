import "server-only";
import { EventEmitter } from "node:events";
import { databaseProvider } from "@/lib/env";
import { PgNotifyLink, type PgNotifyLinkOptions } from "./pg-notify-link";

/**
 * Wake-up signals: "the outbox of family X has something new". Listeners then read the outbox themselves by
 * cursor, so a wake-up may come twice or late without harm, and one lost is made up by the next.
 */
export class FamilyBus {
  private readonly local = new EventEmitter();
  readonly link: PgNotifyLink | null;

  constructor(link?: Omit<PgNotifyLinkOptions, "onRemote" | "onListening">) {
    this.local.setMaxListeners(0);
    this.link = link
      ? new PgNotifyLink({ ...link, onRemote: (familyId) => this.wake(familyId), onListening: () => this.wakeAll() })
      : null;
  }

  /** After a change commits: this process's listeners at once, then other instances through PostgreSQL. */
  notify(familyId: string): void {
    this.wake(familyId);
    this.link?.publish(familyId);
  }

  on(familyId: string, listener: () => void): () => void {
    this.link?.start();
    this.local.on(familyId, listener);
    return () => this.local.off(familyId, listener);
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    await this.link?.close();
  }

  private wake(familyId: string): void {
    try {
      this.local.emit(familyId);
    } catch (error) {
      console.error("Live updates: a listener failed", error);
    }
  }

  /** Every family someone here listens to: after (re)connecting, the streams look again from their cursors. */
  private wakeAll(): void {
    for (const familyId of this.local.eventNames()) {
      if (typeof familyId === "string") this.wake(familyId);
    }
  }
}

/** SQLite is one process: in-process only. PostgreSQL may serve several instances: LISTEN/NOTIFY between them. */
export function createFamilyBus(databaseUrl: string): FamilyBus {
  return databaseProvider(databaseUrl) === "postgresql"
    ? new FamilyBus({ connectionString: databaseUrl })
    : new FamilyBus();
}
