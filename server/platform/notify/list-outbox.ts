import type { OutboxItem, OutboxQuery } from '../../../contracts/notify.ts';
import { type Actor, authorize } from '../access/policy.ts';
import type { Platform } from '../context.ts';
import { fetchPage } from '../db/paging.ts';
import { toOutboxItem } from './views.ts';

/** The outbox (短信发件箱) for administrators, newest first; recipients only ever masked. */
export async function listOutbox(
  platform: Platform,
  actor: Actor,
  query: OutboxQuery,
): Promise<{ items: OutboxItem[]; total: number }> {
  authorize(actor, 'outbox.read', 'global');
  const base = platform.db
    .selectFrom('notifications')
    .$if(query.status !== undefined, (qb) => qb.where('status', '=', query.status ?? 'queued'))
    .$if(query.channel !== undefined, (qb) => qb.where('channel', '=', query.channel ?? 'sms'));
  const { rows, total } = await fetchPage(
    base,
    (qb) => qb.selectAll().orderBy('created_at', 'desc').orderBy('id'),
    query,
  );
  return { items: rows.map(toOutboxItem), total };
}
