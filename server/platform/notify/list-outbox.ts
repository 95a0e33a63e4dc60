import type { OutboxItem, OutboxQuery } from '../../../contracts/notify.ts';
import { type Actor, authorize } from '../access/policy.ts';
import type { Platform } from '../context.ts';
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
  return { items: rows.map(toOutboxItem), total: Number(count.n) };
}
