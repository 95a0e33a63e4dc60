import type { InboxItem, InboxQuery } from '../../../contracts/notify.ts';
import type { Actor } from '../access/policy.ts';
import type { Platform } from '../context.ts';
import { fetchPage } from '../db/paging.ts';
import { toInboxItem } from './views.ts';

/** The logged-in account's own in-app messages, newest first, with the unread count. */
export async function listMyInbox(
  platform: Platform,
  actor: Actor,
  query: InboxQuery,
): Promise<{ items: InboxItem[]; total: number; unread: number }> {
  const mine = platform.db
    .selectFrom('notifications')
    .where('channel', '=', 'inbox')
    .where('recipient_account_id', '=', actor.accountId);
  const [{ rows, total }, unread] = await Promise.all([
    fetchPage(mine, (qb) => qb.selectAll().orderBy('created_at', 'desc').orderBy('id'), query),
    mine
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toInboxItem), total, unread: Number(unread.n) };
}
