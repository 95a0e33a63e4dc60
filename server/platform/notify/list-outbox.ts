import type { OutboxItem, OutboxQuery } from '../../../contracts/notify.ts';
import { type Actor, authorize } from '../access/policy.ts';
import type { Platform } from '../context.ts';
import { fetchPage } from '../db/paging.ts';
import { toOutboxItem } from './views.ts';

/**
 * Whether the outbox shows secret parameters (one-time codes) in full: only when texts go nowhere
 * (the `outbox` provider) outside production, so that a tester of the embedded demo can log in to
 * the portal with the code "sent" to any number. With a real gateway, or in production, never.
 */
export function outboxRevealsSecrets(platform: Platform): boolean {
  return platform.config.env !== 'production' && platform.config.smsProvider === 'outbox';
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
  const reveal = outboxRevealsSecrets(platform);
  return {
    items: rows.map((row) => {
      const item = toOutboxItem(row);
      return reveal && row.body_enc ? { ...item, body: platform.cipher.decrypt(row.body_enc) } : item;
    }),
    total,
  };
}
