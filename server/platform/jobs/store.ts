import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Db, Dialect } from '../db/index.ts';
import type { JobsTable, PlatformTables } from '../db/schema.ts';

/** A job row as the runner holds it after claiming it. */
export type ClaimedJob = Pick<Selectable<JobsTable>, 'id' | 'kind' | 'payload' | 'attempts' | 'max_attempts'>;

/**
 * Due: pending and its time has come, or running under a lease that ran out (its runner died) and
 * still has attempts left. Instants are ISO text, so text comparison orders them.
 */
function due(eb: ExpressionBuilder<PlatformTables, 'jobs'>, now: string) {
  return eb.or([
    eb.and([eb('jobs.status', '=', 'pending'), eb('jobs.run_at', '<=', now)]),
    eb.and([
      eb('jobs.status', '=', 'running'),
      eb('jobs.locked_until', '<', now),
      eb('jobs.attempts', '<', eb.ref('jobs.max_attempts')),
    ]),
  ]);
}

/**
 * Not held back by its order: an unordered job, or no job of its order key with a smaller number is
 * open (pending, running or dead). Once true it stays true (a done job never reopens and smaller
 * numbers are never added later), so checking it in the candidate select alone is safe.
 */
function notWaitingForEarlier(eb: ExpressionBuilder<PlatformTables, 'jobs'>) {
  return eb.or([
    eb('jobs.order_key', 'is', null),
    eb.not(
      eb.exists(
        eb
          .selectFrom('jobs as earlier')
          .select('earlier.id')
          .whereRef('earlier.order_key', '=', 'jobs.order_key')
          .whereRef('earlier.order_seq', '<', 'jobs.order_seq')
          .where('earlier.status', '<>', 'done')
          // Spelled out so that the partial index jobs_order_open (these two conditions) serves it.
          .where('earlier.order_key', 'is not', null),
      ),
    ),
  ]);
}

/**
 * Claims the next due job for a runner in one atomic statement, or returns undefined. The inner
 * select picks a candidate (on PostgreSQL it skips rows another runner is claiming); the outer
 * WHERE checks due-ness again on the row itself, so of two runners racing for one row exactly one
 * updates it. An ordered job is passed over while an earlier one of its key is open. Claiming counts
 * the attempt, so a job that kills its process still runs out of tries.
 */
export async function claimNextJob(
  db: Db,
  dialect: Dialect,
  { runnerId, now, leaseMs }: { runnerId: string; now: Date; leaseMs: number },
): Promise<ClaimedJob | undefined> {
  const at = now.toISOString();
  const candidate = db
    .selectFrom('jobs')
    .select('jobs.id')
    .where((eb) => eb.and([due(eb, at), notWaitingForEarlier(eb)]))
    .orderBy('jobs.run_at')
    .limit(1)
    .$if(dialect === 'postgres', (qb) => qb.forUpdate().skipLocked());
  return db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_by: runnerId,
      locked_until: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: eb('attempts', '+', 1),
      updated_at: at,
    }))
    .where('jobs.id', '=', candidate)
    .where((eb) => due(eb, at))
    .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
    .executeTakeFirst();
}

/**
 * Buries jobs whose runner died during their last attempt: they are not run again (a job that
 * crashes its process would otherwise crash every process in turn). Returns how many.
 */
export async function buryAbandonedJobs(db: Db, now: Date): Promise<number> {
  const at = now.toISOString();
  const res = await db
    .updateTable('jobs')
    .set({
      status: 'dead',
      locked_by: null,
      locked_until: null,
      last_error: 'lease expired during the last attempt (the runner stopped or crashed)',
      updated_at: at,
    })
    .where('status', '=', 'running')
    .where('locked_until', '<', at)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** A claimed job as its runner names it when recording the outcome: the job, the runner, the time. */
export interface HeldJob {
  id: string;
  runnerId: string;
  now: Date;
}

/** Records success; false when this runner no longer holds the job (its lease ran out meanwhile). */
export async function markJobDone(db: Db, { id, runnerId, now }: HeldJob): Promise<boolean> {
  const res = await db
    .updateTable('jobs')
    .set({ status: 'done', locked_by: null, locked_until: null, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', runnerId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Records a failed attempt: back to pending at `outcome.runAt`, or dead. False when the lease was lost. */
export async function markJobFailed(
  db: Db,
  {
    id,
    runnerId,
    outcome,
    now,
  }: HeldJob & { outcome: { status: 'pending' | 'dead'; runAt: string | null; error: string } },
): Promise<boolean> {
  const res = await db
    .updateTable('jobs')
    .set({
      status: outcome.status,
      ...(outcome.runAt ? { run_at: outcome.runAt } : {}),
      last_error: outcome.error,
      locked_by: null,
      locked_until: null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', runnerId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
