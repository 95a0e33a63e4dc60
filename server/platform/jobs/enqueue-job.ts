import type { Insertable } from 'kysely';
import { newId } from '../db/ids.ts';
import type { Executor } from '../db/index.ts';
import { toJson } from '../db/json.ts';
import { prepared } from '../db/prepared.ts';
import type { JobsTable } from '../db/schema.ts';
import { nowIso } from '../time.ts';
import { DEFAULT_MAX_ATTEMPTS } from './retry-policy.ts';

export interface NewJob {
  /** `module.verb`; a handler for it must be given by its part's descriptor (`jobHandlers`, platform/module.ts). */
  kind: string;
  /** Plain JSON; keep it to ids (the row is readable by operators), never personal data. */
  payload: unknown;
  /** Not before this instant (UTC ISO); now by default. */
  runAt?: string;
  maxAttempts?: number;
  /** A second enqueue with the same key (ever, whatever its status) adds nothing. */
  dedupeKey?: string;
  /**
   * Jobs of one `key` run one at a time, in `seq` order: a job waits (even when due) while a job of
   * its key with a smaller `seq` is not done, also while that one waits out a back-off or is dead.
   * The enqueuer numbers them so that a smaller number is never committed after a larger one.
   */
  order?: { key: string; seq: number };
}

// Built once: every queued notification runs it (see platform/db/prepared.ts).
const insertJob = prepared((db, p: { row: Insertable<JobsTable> }) =>
  db
    .insertInto('jobs')
    .values(p.row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id'),
);

/**
 * Adds a pending job inside the caller's transaction: it commits with the change that caused it, so
 * a rolled-back change leaves no job and a committed one always gets its job. With a dedupe key the
 * call is idempotent and returns the existing job's id with `created: false`.
 */
export async function enqueueJob(trx: Executor, job: NewJob): Promise<{ id: string; created: boolean }> {
  // ON CONFLICT DO NOTHING rather than catching the violation: on PostgreSQL a failed statement
  // would abort the caller's whole transaction.
  const [inserted] = (await insertJob(trx, { row: newJobRow(job, nowIso()) })).rows;
  if (inserted) return { id: inserted.id, created: true };
  const existing = await trx
    .selectFrom('jobs')
    .select('id')
    .where('dedupe_key', '=', job.dedupeKey ?? '')
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/**
 * Adds several pending jobs in one statement (a fan-out); a job whose dedupe key exists already is
 * left out. Returns how many were added.
 */
export async function enqueueJobs(db: Executor, jobs: readonly NewJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const now = nowIso();
  const res = await db
    .insertInto('jobs')
    .values(jobs.map((job) => newJobRow(job, now)))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

function newJobRow(job: NewJob, now: string): Insertable<JobsTable> {
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new Error(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  if (job.order && !Number.isInteger(job.order.seq)) {
    throw new Error(`order.seq must be an integer, got ${job.order.seq}`);
  }
  return {
    id: newId(),
    kind: job.kind,
    payload: toJson(job.payload),
    status: 'pending',
    max_attempts: maxAttempts,
    // Normalised so that text comparison of instants stays correct.
    run_at: job.runAt ? new Date(job.runAt).toISOString() : now,
    locked_until: null,
    locked_by: null,
    last_error: null,
    dedupe_key: job.dedupeKey ?? null,
    created_at: now,
    updated_at: now,
    // Always both columns, so that the prepared insert has one shape.
    order_key: job.order?.key ?? null,
    order_seq: job.order?.seq ?? null,
  };
}
