import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

/**
 * better-sqlite3 is a single connection. The adapter queues transactions behind each other, but a query outside a
 * transaction runs on the same connection in the middle of whichever transaction is open: it reads that
 * transaction's uncommitted rows, and its write is silently lost when that transaction rolls back (another
 * family's refused decision could undo a child's new chat). One lock for both keeps every statement either
 * inside its own transaction or between transactions.
 */
export class SerializedSqlite extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    reusePrepared((adapter as unknown as { client: SqliteClient }).client);
    let tail: Promise<void> = Promise.resolve();
    const lock = async (): Promise<() => void> => {
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const previous = tail;
      tail = previous.then(() => held);
      await previous;
      return release;
    };
    const locked =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        const release = await lock();
        try {
          return await fn(...args);
        } finally {
          release();
        }
      };
    adapter.queryRaw = locked(adapter.queryRaw.bind(adapter));
    adapter.executeRaw = locked(adapter.executeRaw.bind(adapter));
    adapter.executeScript = locked(adapter.executeScript.bind(adapter));
    const startTransaction = adapter.startTransaction.bind(adapter);
    // The lock is held from BEGIN until the transaction's COMMIT or ROLLBACK has run.
    adapter.startTransaction = async (isolationLevel) => {
      const release = await lock();
      try {
        const tx = await startTransaction(isolationLevel);
        const commit = tx.commit.bind(tx);
        const rollback = tx.rollback.bind(tx);
        tx.commit = () => commit().finally(release);
        tx.rollback = () => rollback().finally(release);
        return tx;
      } catch (error) {
        release();
        throw error;
      }
    };
    return adapter;
  }
}

// The parts of better-sqlite3 (no bundled types) that @prisma/adapter-better-sqlite3 7.10 calls on its client.
type SqliteStatement = {
  readonly reader: boolean;
  run(params: unknown[]): unknown;
  all(params: unknown[]): unknown[];
  columns(): unknown[];
  raw(toggle: boolean): SqliteStatement;
};
type SqliteClient = { prepare(sql: string): unknown };

const MAX_PREPARED = 256;

/**
 * The adapter prepares every query anew (`client.prepare(sql).bind(args)`), and SQLite parses and plans the SQL
 * each time: about a third of a short query's cost. Prisma sends the same few hundred texts over and over, so each
 * is prepared once and kept (least recently used dropped past MAX_PREPARED). A prepared statement binds for good,
 * so the adapter is handed a one-use view that passes its arguments at each run instead.
 */
function reusePrepared(client: SqliteClient): void {
  const prepare = client.prepare.bind(client) as (sql: string) => SqliteStatement;
  const kept = new Map<string, SqliteStatement>();
  const statement = (sql: string): SqliteStatement => {
    let found = kept.get(sql);
    if (found) kept.delete(sql);
    else {
      found = prepare(sql);
      // Rows as arrays: the only way the adapter reads them.
      if (found.reader) found.raw(true);
    }
    kept.set(sql, found);
    if (kept.size > MAX_PREPARED) kept.delete(kept.keys().next().value as string);
    return found;
  };
  client.prepare = (sql: string) => {
    const prepared = statement(sql);
    const view = (params: unknown[]) => ({
      reader: prepared.reader,
      run: () => prepared.run(params),
      columns: () => prepared.columns(),
      raw: () => ({ all: () => prepared.all(params) }),
    });
    return { ...view([]), bind: (params: unknown[]) => view(params) };
  };
}
