import { z } from 'zod';
import type { Platform } from '../context.ts';
import type { JobContext, JobHandlers } from '../jobs/handlers.ts';
import { typedHandler } from '../jobs/handlers.ts';
import { nowIso } from '../time.ts';
import { NOTIFY_SMS_JOB } from './notify-sms.ts';
import type { SmsProvider } from './providers.ts';

const Payload = z.object({ notificationId: z.string().min(1) });

/** The job handlers of notify: `notify.sms` delivers one queued text through the provider. */
export function notifyJobHandlers(provider: SmsProvider): JobHandlers {
  return {
    [NOTIFY_SMS_JOB]: typedHandler(Payload, (p, platform, job) =>
      sendSms(platform, job, { provider, notificationId: p.notificationId }),
    ),
  };
}

/**
 * Sends one outbox row (`notificationId`) through `provider`. A row already sent is left alone (the
 * job may run twice after a crash); a failure is written on the row, which turns `failed` when the
 * job has no attempt left.
 */
async function sendSms(
  platform: Platform,
  job: JobContext,
  { provider, notificationId }: z.infer<typeof Payload> & { provider: SmsProvider },
): Promise<void> {
  const row = await platform.db
    .selectFrom('notifications')
    .select(['status', 'recipient_enc', 'body', 'body_enc'])
    .where('id', '=', notificationId)
    .where('channel', '=', 'sms')
    .executeTakeFirst();
  if (!row) throw new Error(`notification ${notificationId} not found`);
  if (row.status === 'sent') return;
  if (!row.recipient_enc) throw new Error(`notification ${notificationId} has no recipient`);
  const phone = platform.cipher.decrypt(row.recipient_enc);
  const body = row.body_enc ? platform.cipher.decrypt(row.body_enc) : row.body;
  try {
    const result = await provider.send(phone, body, { notificationId });
    await platform.db
      .updateTable('notifications')
      .set({
        status: 'sent',
        provider: provider.name,
        provider_message_id: result.providerMessageId ?? null,
        error: null,
        sent_at: nowIso(),
      })
      .where('id', '=', notificationId)
      .execute();
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
    await platform.db
      .updateTable('notifications')
      .set({
        status: job.attempt >= job.maxAttempts ? 'failed' : 'queued',
        provider: provider.name,
        error: `第 ${job.attempt}/${job.maxAttempts} 次发送失败：${message}`,
      })
      .where('id', '=', notificationId)
      .execute();
    throw err;
  }
}
