import type { OutboxItem, OutboxQuery } from '../../../contracts/notify.ts';
import { type Actor, authorize } from '../access/policy.ts';
import type { Platform } from '../context.ts';
import { fetchPage } from '../db/paging.ts';
import { toOutboxItem } from './views.ts';

/**
 * Whether the outbox shows a message's secret parameters (one-time codes) in full: only for a text
 * that went nowhere — sent, or to be sent, by the `outbox` provider — outside production, so that a
 * tester of the embedded demo can log in to the portal with the code "sent" to any number. A text a
 * real gateway delivered, and every text in production, stays masked.
 */
function revealsSecret(platform: Platform, row: { provider: string | null }): boolean {
  if (platform.config.env === 'production' || platform.config.smsProvider !== 'outbox') return false;
  return row.provider === null || row.provider === 'outbox';
}

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
  return {
    items: rows.map((row) => {
      const item = toOutboxItem(row);
      return row.body_enc && revealsSecret(platform, row)
        ? { ...item, body: platform.cipher.decrypt(row.body_enc) }
        : item;
    }),
    total,
  };
}
