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
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new Error(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  const now = nowIso();
  const id = newId();
  // ON CONFLICT DO NOTHING rather than catching the violation: on PostgreSQL a failed statement
  // would abort the caller's whole transaction.
  const [inserted] = (
    await insertJob(trx, {
      row: {
        id,
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
      },
    })
  ).rows;
  if (inserted) return { id: inserted.id, created: true };
  const existing = await trx
    .selectFrom('jobs')
    .select('id')
    .where('dedupe_key', '=', job.dedupeKey ?? '')
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}
