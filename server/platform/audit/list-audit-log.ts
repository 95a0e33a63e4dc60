import type { AuditLogItem, AuditLogQuery } from '../../../contracts/audit.ts';
import type { Executor } from '../db/index.ts';
import type { AuditLogTable } from '../db/schema.ts';

/** A page of the audit log, newest first, with the total number of rows that match the filters. */
export async function listAuditLog(
  db: Executor,
  query: AuditLogQuery,
): Promise<{ items: AuditLogItem[]; total: number }> {
  const from = query.from ? instantOf(query.from, 'start') : null;
  const to = query.to ? instantOf(query.to, 'end') : null;
  let base = db.selectFrom('audit_log');
  if (query.entityType) base = base.where('entity_type', '=', query.entityType);
  if (query.entityId) base = base.where('entity_id', '=', query.entityId);
  if (query.actorId) base = base.where('actor_id', '=', query.actorId);
  if (query.action) base = base.where('action', '=', query.action);
  // Stored timestamps are UTC ISO text of one fixed format, so text comparison is time order.
  if (from) base = base.where('at', '>=', from);
  if (to) base = base.where('at', '<', to);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  return { items: rows.map(toItem), total: Number(count.n) };
}

/**
 * The UTC ISO instant a filter value stands for. A bare date is a day in Asia/Shanghai (UTC+8, no
 * daylight saving): as `from` its first instant, as `to` the first instant of the next day.
 */
function instantOf(value: string, edge: 'start' | 'end'): string {
  if (!value.includes('T')) {
    const start = Date.parse(`${value}T00:00:00+08:00`);
    return new Date(edge === 'start' ? start : start + 86_400_000).toISOString();
  }
  return new Date(value).toISOString();
}

function toItem(row: AuditLogTable): AuditLogItem {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    orgUnitId: row.org_unit_id,
    detail: parseDetail(row.detail),
  };
}

/** A row's JSON detail; text that is not a JSON object (a damaged row) is shown raw, not a 500. */
function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the raw text
  }
  return { raw: text };
}
