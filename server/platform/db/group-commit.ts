import { CompiledQuery } from 'kysely';
import type { Database, Db, Tx } from './index.ts';
import { runCompiled } from './prepared.ts';

/**
 * Group commit for hot writes on the embedded database. SQLite has one writer and, with WAL and
 * synchronous=FULL, each commit waits for an fsync (3–5 ms on a typical virtual disk): one
 * transaction per request caps a county at a few hundred writes a second whatever the CPU does.
 * Here, writes that arrive while a commit is in flight wait and then go together: one
 * transaction, each write inside its own SAVEPOINT (a failing write rolls back to it and fails
 * alone, with nothing half-written), one COMMIT, one flush of the WAL; every caller is answered only
 * after that flush (wal-sync.ts), so an acknowledged write is durable. The flush runs off the event
 * loop while the next batch already runs: the disk and the CPU work at the same time. Writes in a batch run one after another
 * and see each other, so a version check still lets exactly one of two racing writes through.
 * PostgreSQL runs concurrent transactions and groups its own WAL flushes: there each write is a
 * plain transaction.
 */

/**
 * What the writes of one transaction share, read once per transaction (so once per batch on
 * SQLite): reference data the writes do not change (a calendar, org units, published versions).
 * Reading them once per transaction is what a single transaction would see anyway. Values handed
 * out are shared: never mutate them.
 */
export interface TxShared {
  /** The value under a key, loaded on first use in this transaction. */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** The shared values of one transaction (also what a write outside any batch uses). */
export function newTxShared(): TxShared {
  const loaded = new Map<string, Promise<unknown>>();
  return {
    once<T>(key: string, load: () => Promise<T>): Promise<T> {
      let value = loaded.get(key) as Promise<T> | undefined;
      if (!value) {
        value = load();
        loaded.set(key, value);
      }
      return value;
    },
  };
}

/** A write run in a grouped transaction. */
export type GroupedWork<T> = (trx: Tx, shared: TxShared) => Promise<T>;

interface Pending {
  work: GroupedWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

// Plain SAVEPOINT statements on the batch's transaction, compiled once: a savepoint object (or a
// query built) per write would cost more than the statement itself.
const SAVEPOINT = CompiledQuery.raw('savepoint grouped_write');
const RELEASE = CompiledQuery.raw('release grouped_write');
const ROLLBACK_TO = CompiledQuery.raw('rollback to grouped_write');

/** Most writes per batch: bounds how long a batch holds the one connection from readers. */
const MAX_BATCH = 64;

class GroupCommitter {
  private queue: Pending[] = [];
  private draining = false;

  constructor(private readonly database: Database) {}

  run<T>(work: GroupedWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        // Let the writes of this turn of the event loop join the first batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.commitBatch(batch);
      }
    } finally {
      this.draining = false;
      if (this.queue.length > 0) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    }
  }

  private async commitBatch(batch: Pending[]): Promise<void> {
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      await this.database.db.transaction().execute(async (trx) => {
        const shared = newTxShared();
        for (const item of batch) {
          await runCompiled(trx, SAVEPOINT);
          try {
            const value = await item.work(trx, shared);
            await runCompiled(trx, RELEASE);
            outcomes.push({ ok: true, value });
          } catch (err) {
            await runCompiled(trx, ROLLBACK_TO);
            await runCompiled(trx, RELEASE);
            outcomes.push({ ok: false, value: err });
          }
        }
      });
    } catch (err) {
      // The commit (or the batch's own bookkeeping) failed: nothing of the batch is durable.
      for (const item of batch) item.reject(err);
      return;
    }
    // Not awaited: the next batch runs while this one's flush is on disk.
    this.database.durable().then(
      () =>
        batch.forEach((item, i) => {
          const o = outcomes[i];
          if (o?.ok) item.resolve(o.value);
          else item.reject(o?.value);
        }),
      (err: unknown) => {
        for (const item of batch) item.reject(err);
      },
    );
  }
}

const committers = new WeakMap<Db, GroupCommitter>();

/**
 * Runs a write in a transaction: grouped with concurrent writes on SQLite, a transaction of its
 * own on PostgreSQL. Either way the write and its audit rows commit (or vanish) together.
 */
export function groupedTransaction<T>(database: Database, work: GroupedWork<T>): Promise<T> {
  if (database.dialect !== 'sqlite')
    return database.db.transaction().execute((trx) => work(trx, newTxShared()));
  let committer = committers.get(database.db);
  if (!committer) {
    committer = new GroupCommitter(database);
    committers.set(database.db, committer);
  }
  return committer.run(work);
}
