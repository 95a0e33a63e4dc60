import { sql } from 'kysely';
import type { Executor } from '../db/index.ts';

export { limitAddressOf } from './address.ts';

/**
 * The attempt limiter: failures counted per key (an account, an account and an address, a case of
 * the public lookup, later a portal's one-time code) within a window. Counting is ONE statement —
 * an insert that, on conflict, adds one or starts the window again — so concurrent failures can
 * never overwrite each other's count (the probe sent 100 wrong passwords at once: each read 0).
 * Callers count an attempt before they check it, and refuse once the count is over their limit.
 */
export interface AttemptPolicy {
  /** Failures are counted within this window from the first; after it the count starts again. */
  windowMs: number;
}

export interface AttemptState {
  failures: number;
  firstAt: string | null;
  lastAt: string | null;
}

const NONE: AttemptState = { failures: 0, firstAt: null, lastAt: null };

/** Which counter is meant and how it counts: `key` under `policy`, as of `now` (the current time by default). */
export interface AttemptQuery {
  key: string;
  policy: AttemptPolicy;
  now?: Date;
}

/** Rows untouched this long are gone: no window of any caller is longer. */
export const STALE_AFTER_MS = 24 * 3600_000;
// About one count in a hundred sweeps the stale rows, so guesses at made-up names cannot fill the table.
const PURGE_CHANCE = 0.01;

/** Counts one failure for `key` atomically and returns the state after it (a passed window starts again at 1). */
export async function countFailure(
  db: Executor,
  { key, policy, now = new Date() }: AttemptQuery,
): Promise<AttemptState> {
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - policy.windowMs).toISOString();
  if (Math.random() < PURGE_CHANCE) await forgetStaleAttempts(db, now);
  const row = await db
    .insertInto('attempt_counters')
    .values({ key, failures: 1, first_at: at, last_at: at })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when attempt_counters.first_at < ${windowStart} then 1 else attempt_counters.failures + 1 end`,
        first_at: sql<string>`case when attempt_counters.first_at < ${windowStart} then ${at} else attempt_counters.first_at end`,
        last_at: at,
      }),
    )
    .returning(['failures', 'first_at', 'last_at'])
    .executeTakeFirstOrThrow();
  return { failures: Number(row.failures), firstAt: row.first_at, lastAt: row.last_at };
}

/** The current state of `key`: no failures when there is none or its window has passed. */
export async function readAttempts(
  db: Executor,
  { key, policy, now = new Date() }: AttemptQuery,
): Promise<AttemptState> {
  const row = await db.selectFrom('attempt_counters').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row || Date.parse(row.first_at) < now.getTime() - policy.windowMs) return NONE;
  return { failures: Number(row.failures), firstAt: row.first_at, lastAt: row.last_at };
}

/** Forgets `key` (after a success). */
export async function clearAttempts(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('attempt_counters').where('key', '=', key).execute();
}

/** Forgets every key that starts with `prefix` (a password reset forgets all of an account's). */
export async function clearAttemptsStartingWith(db: Executor, prefix: string): Promise<void> {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  await db
    .deleteFrom('attempt_counters')
    .where(sql<boolean>`key like ${`${escaped}%`} escape '\\'`)
    .execute();
}

/** Deletes the rows no window needs any more (see STALE_AFTER_MS). */
export async function forgetStaleAttempts(db: Executor, now = new Date()): Promise<void> {
  const before = new Date(now.getTime() - STALE_AFTER_MS).toISOString();
  await db.deleteFrom('attempt_counters').where('last_at', '<', before).execute();
}
