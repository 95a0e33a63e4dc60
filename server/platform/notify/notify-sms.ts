import { MOBILE_PHONE_PATTERN } from '../../../contracts/notify.ts';
import type { Platform } from '../context.ts';
import { maskPhone } from '../crypto/mask.ts';
import { newId } from '../db/ids.ts';
import type { Tx } from '../db/index.ts';
import { prepared } from '../db/prepared.ts';
import type { NotificationsTable } from '../db/schema.ts';
import { AppError, say } from '../errors.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { nowIso } from '../time.ts';
import { renderTemplate, type TemplateKey, type TemplateParams, withSignature } from './templates.ts';

/** The job kind that delivers one queued SMS. */
export const NOTIFY_SMS_JOB = 'notify.sms';

export interface SmsRequest<K extends TemplateKey> {
  /**
   * The mobile number: in clear, or as a module already holds it, SM4-encrypted with the platform's
   * key and masked (checked when it was stored), which goes into the outbox as it is.
   */
  phone: string | { enc: string; masked: string };
  template: K;
  params: TemplateParams<K>;
  /** What the message is about, e.g. `case` and the case id (shown in the outbox). */
  relatedType?: string;
  relatedId?: string;
}

// Built once: many actions queue a text (see platform/db/prepared.ts).
const insertNotification = prepared((db, p: { row: NotificationsTable }) =>
  db.insertInto('notifications').values(p.row),
);

/**
 * Queues a text message inside the caller's transaction: the outbox row (recipient SM4-encrypted
 * and masked) and the job that sends it commit with the change that caused them, and the provider
 * is called only after the commit, by the job runner.
 */
export async function notifySms<K extends TemplateKey>(
  platform: Platform,
  trx: Tx,
  req: SmsRequest<K>,
): Promise<{ id: string }> {
  const recipient = recipientOf(platform, req.phone);
  const rendered = renderTemplate(req.template, req.params);
  const signature = platform.config.smsSignature;
  const id = newId();
  await insertNotification(trx, {
    row: {
      id,
      channel: 'sms',
      recipient_masked: recipient.masked,
      recipient_enc: recipient.enc,
      recipient_account_id: null,
      template: req.template,
      body: withSignature(signature, rendered.shown),
      body_enc: rendered.hasSecret ? platform.cipher.encrypt(withSignature(signature, rendered.text)) : null,
      status: 'queued',
      provider: null,
      provider_message_id: null,
      error: null,
      related_type: req.relatedType ?? null,
      related_id: req.relatedId ?? null,
      created_at: nowIso(),
      sent_at: null,
      read_at: null,
    },
  });
  await enqueueJob(trx, { kind: NOTIFY_SMS_JOB, payload: { notificationId: id } });
  return { id };
}

/** The outbox's recipient columns: a clear number is checked, masked and encrypted here. */
function recipientOf(
  platform: Platform,
  phone: SmsRequest<TemplateKey>['phone'],
): { enc: string; masked: string } {
  if (typeof phone !== 'string') return phone;
  const clear = phone.trim();
  if (!MOBILE_PHONE_PATTERN.test(clear)) {
    throw new AppError('NOTIFY_PHONE_INVALID', {
      fields: [{ path: 'phone', message: say('手机号码格式不正确', 'Not a mobile number') }],
    });
  }
  return { enc: platform.cipher.encrypt(clear), masked: maskPhone(clear) };
}
