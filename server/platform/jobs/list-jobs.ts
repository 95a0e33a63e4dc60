import type { JobListQuery, JobListStatus, JobStatus, JobView } from '../../../contracts/jobs.ts';
import { type Actor, authorize } from '../access/policy.ts';
import type { Platform } from '../context.ts';
import { fetchPage } from '../db/paging.ts';
import { toJobView } from './views.ts';

/** `open`: what may still need an operator. */
function statusesOf(filter: JobListStatus): JobStatus[] {
  return filter === 'open' ? ['pending', 'running', 'dead'] : [filter];
}

/** Lists jobs for the operator console, newest first, filtered by status (or `open`) and kind. */
export async function listJobs(
  platform: Platform,
  actor: Actor,
  query: JobListQuery,
): Promise<{ items: JobView[]; total: number }> {
  authorize(actor, 'jobs.read', 'global');
  const base = platform.db
    .selectFrom('jobs')
    .$if(query.status !== undefined, (qb) => qb.where('status', 'in', statusesOf(query.status ?? 'open')))
    .$if(query.kind !== undefined, (qb) => qb.where('kind', '=', query.kind ?? ''));
  const { rows, total } = await fetchPage(
    base,
    (qb) => qb.selectAll().orderBy('created_at', 'desc').orderBy('id'),
    query,
  );
  return { items: rows.map(toJobView), total };
}
