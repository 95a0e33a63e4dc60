import type { JobListQuery, JobView } from '../../../contracts/jobs.ts';
import { type Actor, authorize } from '../access/policy.ts';
import type { Platform } from '../context.ts';
import { toJobView } from './views.ts';

/** Lists jobs for the operator console, newest first, filtered by status and kind. */
export async function listJobs(
  platform: Platform,
  actor: Actor,
  query: JobListQuery,
): Promise<{ items: JobView[]; total: number }> {
  authorize(actor, 'jobs.read', 'global');
  const base = platform.db
    .selectFrom('jobs')
    .$if(query.status !== undefined, (qb) => qb.where('status', '=', query.status ?? 'pending'))
    .$if(query.kind !== undefined, (qb) => qb.where('kind', '=', query.kind ?? ''));
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toJobView), total: Number(count.n) };
}
