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
