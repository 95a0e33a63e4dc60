import { sql } from 'kysely';
import { openPlatform } from '../../../bootstrap.ts';
import { inTransaction, type Platform } from '../../context.ts';
import type { Executor } from '../../db/index.ts';
import { JobRunner } from '../../jobs/runner.ts';
import { markEventHandled } from '../receipts.ts';
import { eventJobHandlers } from '../subscriptions.ts';
import type { DomainEvent, DomainEventType, EventSubscription } from '../types.ts';

/** Test helpers of the events tests: subscribers that record what they did, runners, a clock. */

/** A call of a test subscriber's handler, in the order calls began (all runners share this process). */
export interface HandleCall {
  subscriber: string;
  subjectId: string;
  sequence: number;
  attempt: number;
  outcome: 'effect' | 'already handled' | 'threw';
}

/** A clock the test moves by hand; it starts a second ahead so that fresh jobs are due. */
export function manualClock() {
  let t = Date.now() + 1000;
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

type EffectsTables = {
  test_effects: { subscriber: string; event_id: string; subject_id: string; subject_seq: number };
};

function effectsDb(db: Executor) {
  return db.withTables<EffectsTables>();
}

/** The table the test subscribers write their effect to; emptied with the event tables. */
export async function resetEventTables(platform: Platform): Promise<void> {
  await sql`create table if not exists test_effects (subscriber text not null, event_id text not null, subject_id text not null, subject_seq integer not null)`.execute(
    platform.db,
  );
  await effectsDb(platform.db).deleteFrom('test_effects').execute();
  await platform.db.deleteFrom('event_receipts').execute();
  await platform.db.deleteFrom('domain_events').execute();
  await platform.db.deleteFrom('jobs').execute();
}

/** The effects of a subscriber: one row per event it handled, in effect (by subject and number). */
export async function effectsOf(platform: Platform, subscriber: string) {
  return effectsDb(platform.db)
    .selectFrom('test_effects')
    .select(['event_id', 'subject_id', 'subject_seq'])
    .where('subscriber', '=', subscriber)
    .orderBy('subject_id')
    .orderBy('subject_seq')
    .execute();
}

export interface RecorderOptions {
  name: string;
  types: readonly DomainEventType[];
  calls: HandleCall[];
  /** Throw before the effect on this try (a failed attempt, retried with back-off). */
  failBefore?: (event: DomainEvent, attempt: number) => boolean;
  /** Throw after the effect committed (a crash before the runner recorded `done`). */
  failAfter?: (event: DomainEvent, attempt: number) => boolean;
  maxAttempts?: number;
}

/**
 * A subscriber that writes one effect row per event with markEventHandled in the same transaction,
 * logs each call, and throws when told to.
 */
export function recordingSubscriber(options: RecorderOptions): EventSubscription {
  return {
    name: options.name,
    types: options.types,
    maxAttempts: options.maxAttempts,
    async handle(event, platform, ctx) {
      const call: HandleCall = {
        subscriber: ctx.subscriber,
        subjectId: event.subjectId,
        sequence: event.sequence,
        attempt: ctx.attempt,
        outcome: 'threw',
      };
      options.calls.push(call);
      if (options.failBefore?.(event, ctx.attempt))
        throw new Error(`${ctx.subscriber} failed (try ${ctx.attempt})`);
      const done = await inTransaction(platform, async (trx) => {
        if (!(await markEventHandled(trx, event, ctx))) return false;
        await effectsDb(trx)
          .insertInto('test_effects')
          .values({
            subscriber: ctx.subscriber,
            event_id: event.id,
            subject_id: event.subjectId,
            subject_seq: event.sequence,
          })
          .execute();
        return true;
      });
      call.outcome = done ? 'effect' : 'already handled';
      if (options.failAfter?.(event, ctx.attempt))
        throw new Error(`${ctx.subscriber} crashed after its effect`);
    },
  };
}

/**
 * Tells the platform that these subscriptions exist in this process (as the house does at start-up
 * for its parts), so events of their types are dispatched when recorded.
 */
export function subscribeIn(platform: Platform, subscriptions: readonly EventSubscription[]): void {
  for (const sub of subscriptions) for (const type of sub.types) platform.subscribedEventTypes.add(type);
}

/** A runner for these subscriptions, quiet, on the test's clock (the subscriptions are registered too). */
export function eventRunner(
  platform: Platform,
  subscriptions: readonly EventSubscription[],
  clock: ReturnType<typeof manualClock>,
): JobRunner {
  subscribeIn(platform, subscriptions);
  return new JobRunner(platform, eventJobHandlers(subscriptions), { now: clock.now, log: () => {} });
}

/**
 * A second runner's platform. On PostgreSQL its own pool, as a second process would have. On
 * SQLite the first platform itself: two connections in one process would block each other's event
 * loop (SQLite's busy wait is synchronous) while a handler's transaction is open; the runners still
 * race for the same rows at every await.
 */
export async function secondPlatform(
  platform: Platform,
): Promise<{ platform: Platform; close(): Promise<void> }> {
  if (platform.dialect === 'sqlite') return { platform, close: async () => {} };
  const second = await openPlatform(platform.config, { migrate: false });
  return { platform: second, close: () => second.database.close() };
}

/**
 * Runs the runners side by side until no job is pending or running, moving `clock` an hour
 * forward whenever nothing was due (back-off delays); gives up after `rounds` idle hours (12 by
 * default). Returns how many jobs each runner ran.
 */
export async function drain(
  platform: Platform,
  runners: readonly JobRunner[],
  { clock, rounds = 12 }: { clock: ReturnType<typeof manualClock>; rounds?: number },
): Promise<number[]> {
  const ran = runners.map(() => 0);
  let idle = 0;
  while (idle < rounds) {
    const summaries = await Promise.all(runners.map((r) => r.runDueJobs(3)));
    summaries.forEach((s, i) => {
      ran[i] = (ran[i] ?? 0) + s.ran;
    });
    if (summaries.some((s) => s.ran > 0)) continue;
    const open = await platform.db
      .selectFrom('jobs')
      .select('id')
      .where('status', 'in', ['pending', 'running'])
      .executeTakeFirst();
    if (!open) return ran;
    idle++;
    clock.advance(3_600_000);
  }
  return ran;
}
