import type { z } from 'zod';
import type { CaseList } from '../../../../contracts/case-views.ts';
import type { CaseListInput, StepRole } from '../../../../contracts/cases.ts';
import { isFullIdentifier, STEP_ROLES } from '../../../../contracts/cases.ts';
import { type Actor, scopePathsFor } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import { containsLiteral } from '../../../platform/db/like.ts';
import { AppError } from '../../../platform/errors.ts';
import { applicantDigest } from '../intake/receive-case.ts';
import { casesDb } from '../store/store.ts';
import { summaryOfRow } from './present.ts';

/** LIKE pattern for a prefix (paths are ids and slashes: no LIKE metacharacters to escape). */
const prefix = (p: string) => `${p}%`;

/**
 * 办件查询: by number, applicant, item, department, status, window, service point, dates and
 * warning level, always inside the actor's scope (cases received, owned or at a step under one of
 * its case.read grants). `mine` lists what the actor has claimed; `queue` what waits at a step of
 * the actor's role in its departments; `prereview` the online applications waiting for the intake
 * decision where the actor may accept (the county centre's clerks).
 */
export async function listCases(
  platform: Platform,
  actor: Actor,
  q: CaseListInput,
): Promise<z.infer<typeof CaseList>> {
  const scopes = scopePathsFor(actor, 'case.read');
  if (scopes.length === 0) throw new AppError('ACCESS_DENIED', { action: 'case.read' });
  let query = casesDb(platform.db)
    .selectFrom('cases')
    .where((eb) =>
      eb.or(
        scopes.flatMap((p) => [
          eb('intake_path', 'like', prefix(p)),
          eb('department_path', 'like', prefix(p)),
          eb('step_department_path', 'like', prefix(p)),
        ]),
      ),
    );
  if (q.number) query = query.where(containsLiteral('number', q.number));
  if (q.applicant) {
    const value = q.applicant.trim().toUpperCase();
    query = isFullIdentifier(value)
      ? query.where('applicant_id_digest', '=', applicantDigest(platform, value))
      : query.where(containsLiteral('applicant_name', q.applicant));
  }
  if (q.itemId) query = query.where('item_id', '=', q.itemId);
  if (q.departmentId) query = query.where('department_id', '=', q.departmentId);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.windowId) query = query.where('window_id', '=', q.windowId);
  if (q.servicePointId) query = query.where('service_point_id', '=', q.servicePointId);
  if (q.receivedFrom) query = query.where('received_on', '>=', q.receivedFrom);
  if (q.receivedTo) query = query.where('received_on', '<=', q.receivedTo);
  if (q.warningLevel) query = query.where('warning_level', '=', q.warningLevel);
  if (q.view === 'mine') query = query.where('assignee_id', '=', actor.accountId);
  if (q.view === 'prereview') {
    // 网上预审: online cases not yet decided, received where this actor may accept.
    const accepting = scopePathsFor(actor, 'case.accept');
    if (accepting.length === 0) return { items: [], total: 0 };
    query = query
      .where('channel', '=', 'online')
      .where('status', '=', 'received')
      .where((eb) => eb.or(accepting.map((p) => eb('intake_path', 'like', prefix(p)))));
  }
  if (q.view === 'queue') {
    const stepGrants = actor.grants.filter((g) => (STEP_ROLES as readonly string[]).includes(g.role));
    if (stepGrants.length === 0) return { items: [], total: 0 };
    query = query
      .where('status', '=', 'in_process')
      .where((eb) => eb.or([eb('assignee_id', 'is', null), eb('assignee_id', '=', actor.accountId)]))
      .where((eb) =>
        eb.or(
          stepGrants.map((g) =>
            eb.and([
              eb('step_role', '=', g.role as StepRole),
              eb('step_department_path', 'like', prefix(g.scopePath)),
            ]),
          ),
        ),
      );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('received_at', 'desc')
    .orderBy('number', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map((r) => summaryOfRow(r, actor)), total: Number(total.n) };
}
