import type { InboxItem } from '../../../contracts/notify.ts';
import type { Actor } from '../access/policy.ts';
import { auditPlatform } from '../audit/actions.ts';
import { inTransaction, type Platform } from '../context.ts';
import { AppError } from '../errors.ts';
import { nowIso } from '../time.ts';
import { toInboxItem } from './views.ts';

/**
 * Marks one of the actor's own messages read (again: no change, no audit row). Someone else's
 * message is "not found", so ids cannot be probed.
 */
export function markInboxRead(platform: Platform, actor: Actor, id: string): Promise<InboxItem> {
  return inTransaction(platform, async (trx) => {
    const row = await trx
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', id)
      .where('channel', '=', 'inbox')
      .where('recipient_account_id', '=', actor.accountId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOTIFY_MESSAGE_NOT_FOUND', { id });
    if (row.read_at) return toInboxItem(row);
    const readAt = nowIso();
    await trx.updateTable('notifications').set({ read_at: readAt }).where('id', '=', id).execute();
    await auditPlatform(platform, trx, {
      actor,
      action: 'notify.readInbox',
      entityType: 'notification',
      entityId: id,
    });
    return toInboxItem({ ...row, read_at: readAt });
  });
}
