import type { OutboxItem } from '../../../contracts/notify.ts';
import { type Actor, authorize } from '../access/policy.ts';
import { auditPlatform } from '../audit/actions.ts';
import { inTransaction, type Platform } from '../context.ts';
import { maskPhone } from '../crypto/mask.ts';
import { notifySms } from './notify-sms.ts';
import { toOutboxItem } from './views.ts';

/** Queues the 'test' text to a number, so an administrator can check the SMS channel end to end. */
export function sendTestSms(platform: Platform, actor: Actor, phone: string): Promise<OutboxItem> {
  return inTransaction(platform, async (trx) => {
    authorize(actor, 'outbox.send', 'global');
    const { id } = await notifySms(platform, trx, { phone, template: 'test', params: {} });
    await auditPlatform(platform, trx, {
      actor,
      action: 'notify.sendTestSms',
      entityType: 'notification',
      entityId: id,
      detail: { recipient: maskPhone(phone.trim()) },
    });
    const row = await trx
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return toOutboxItem(row);
  });
}
