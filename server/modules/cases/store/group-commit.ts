import { getWorkCalendar, type WorkCalendar } from '../../../platform/calendar/index.ts';
import type { Platform } from '../../../platform/context.ts';
import { groupedTransaction, newTxShared, type TxShared } from '../../../platform/db/group-commit.ts';
import type { Executor, Tx } from '../../../platform/db/index.ts';

/**
 * Case writes run in the platform's grouped transactions (platform/db/group-commit.ts): on SQLite,
 * concurrent writes share one transaction and one fsync, each in its own savepoint.
 */

/**
 * What the case writes of one transaction share, read once per transaction: the working-day
 * calendar, and reference data no case write changes (org units, windows, published item
 * versions, process definitions). Values handed out are shared: never mutate them.
 */
export interface CaseBatch extends TxShared {
  calendar(db: Executor): Promise<WorkCalendar>;
}

/** A batch of one transaction's case writes (also what a write outside any batch uses). */
export function newBatch(shared: TxShared = newTxShared()): CaseBatch {
  return { once: shared.once, calendar: (db) => shared.once('calendar', () => getWorkCalendar(db)) };
}

/** Runs a case write in a grouped transaction; the write and its audit rows commit together. */
export function caseTransaction<T>(
  platform: Platform,
  work: (trx: Tx, batch: CaseBatch) => Promise<T>,
): Promise<T> {
  return groupedTransaction(platform.database, (trx, shared) => work(trx, newBatch(shared)));
}
