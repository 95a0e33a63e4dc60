import type { JobView } from '../../../contracts/jobs.ts';
import { type Actor, authorize } from '../access/policy.ts';
import { auditPlatform } from '../audit/actions.ts';
import { inTransaction, type Platform } from '../context.ts';
import { AppError } from '../errors.ts';
import { nowIso } from '../time.ts';
import { toJobView } from './views.ts';

/**
 * Gives a dead job a fresh set of attempts, due now (an operator fixed the cause, e.g. the SMS
 * gateway is back). Only dead jobs: a pending one will run anyway, a running one is in hand.
 */
export function retryJob(platform: Platform, actor: Actor, id: string): Promise<JobView> {
  return inTransaction(platform, async (trx) => {
    authorize(actor, 'jobs.manage', 'global');
    const job = await trx.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!job) throw new AppError('JOB_NOT_FOUND', { id });
    if (job.status !== 'dead') throw new AppError('JOB_NOT_RETRYABLE', { id, status: job.status });
    const now = nowIso();
    const updated = await trx
      .updateTable('jobs')
      .set({
        status: 'pending',
        attempts: 0,
        run_at: now,
        locked_by: null,
        locked_until: null,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'dead')
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError('JOB_NOT_RETRYABLE', { id });
    await auditPlatform(platform, trx, {
      actor,
      action: 'jobs.retry',
      entityType: 'job',
      entityId: id,
      detail: { kind: job.kind, previousAttempts: job.attempts, lastError: job.last_error },
    });
    return toJobView(updated);
  });
}
