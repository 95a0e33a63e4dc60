import { CompiledQuery } from 'kysely';
import { getWorkCalendar, type WorkCalendar } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Db, Executor, Tx } from '../../platform/db/index.ts';
import { runCompiled } from '../../platform/db/prepared.ts';

/**
 * Group commit for case writes on the embedded database. SQLite has one writer and, with WAL and
 * synchronous=FULL, each commit waits for an fsync (3–5 ms on a typical virtual disk): one
 * transaction per action caps a county at a few hundred actions a second whatever the CPU does.
 * Here, writes that arrive while a commit is in flight wait and then go together: one
 * transaction, each write inside its own SAVEPOINT (a failing write rolls back to it and fails
 * alone, with nothing half-written), one COMMIT, one fsync; every caller is answered only after
 * that commit, so an acknowledged action is still durable. Writes in a batch run one after
 * another and see each other, so the version check still lets exactly one of two racing writes
 * through. PostgreSQL runs concurrent transactions and groups its own WAL flushes: there each
 * write is a plain transaction.
 */

/**
 * What the writes of one transaction share, read once per transaction (so once per batch on
 * SQLite): the working-day calendar, and reference data no case write changes (org units,
 * windows, published item versions, process definitions). Reading them once per transaction is
 * what a single transaction would see anyway. Values handed out are shared: never mutate them.
 */
export interface CaseBatch {
  calendar(db: Executor): Promise<WorkCalendar>;
  /** The value under a key, loaded on first use in this transaction. */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** A batch of one transaction (also what a write outside any batch uses). */
export function newBatch(): CaseBatch {
  const loaded = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let value = loaded.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      loaded.set(key, value);
    }
    return value;
  };
  return { once, calendar: (db) => once('calendar', () => getWorkCalendar(db)) };
}

interface Pending {
  work: (trx: Tx, batch: CaseBatch) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

// Plain SAVEPOINT statements on the batch's transaction, compiled once: a savepoint object (or a
// query built) per write would cost more than the statement itself.
const SAVEPOINT = CompiledQuery.raw('savepoint case_write');
const RELEASE = CompiledQuery.raw('release case_write');
const ROLLBACK_TO = CompiledQuery.raw('rollback to case_write');

/** Most writes per batch: bounds how long a batch holds the one connection from readers. */
const MAX_BATCH = 64;

class GroupCommitter {
  private queue: Pending[] = [];
  private draining = false;

  constructor(private readonly db: Db) {}

  run<T>(work: (trx: Tx, batch: CaseBatch) => Promise<T>): Promise<T> {
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
      await this.db.transaction().execute(async (trx) => {
        const shared = newBatch();
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
    batch.forEach((item, i) => {
      const o = outcomes[i];
      if (o?.ok) item.resolve(o.value);
      else item.reject(o?.value);
    });
  }
}

const committers = new WeakMap<Db, GroupCommitter>();

/**
 * Runs a case write in a transaction: grouped with concurrent writes on SQLite, a transaction of
 * its own on PostgreSQL. Either way the write and its audit rows commit (or vanish) together.
 */
export function caseTransaction<T>(
  platform: Platform,
  work: (trx: Tx, batch: CaseBatch) => Promise<T>,
): Promise<T> {
  if (platform.dialect !== 'sqlite') return inTransaction(platform, (trx) => work(trx, newBatch()));
  let committer = committers.get(platform.db);
  if (!committer) {
    committer = new GroupCommitter(platform.db);
    committers.set(platform.db, committer);
  }
  return committer.run(work);
}
