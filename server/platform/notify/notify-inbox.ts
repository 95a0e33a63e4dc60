import { newId } from '../db/ids.ts';
import type { Tx } from '../db/index.ts';
import { nowIso } from '../time.ts';
import { renderTemplate, type TemplateKey, type TemplateParams } from './templates.ts';

export interface InboxRequest<K extends TemplateKey> {
  /** The account that will see the message (staff or, later, citizen). */
  accountId: string;
  template: K;
  params: TemplateParams<K>;
  relatedType?: string;
  relatedId?: string;
}

/**
 * Puts an in-app message in an account's inbox, inside the caller's transaction. Nothing is sent
 * anywhere, so no job: it is `sent` at once and waits for its reader.
 */
export async function notifyInbox<K extends TemplateKey>(
  trx: Tx,
  req: InboxRequest<K>,
): Promise<{ id: string }> {
  const rendered = renderTemplate(req.template, req.params);
  // The outbox list would show the body in clear: texts with secrets go by SMS only.
  if (rendered.hasSecret) throw new Error(`template ${req.template} carries a secret and is SMS only`);
  const id = newId();
  const now = nowIso();
  await trx
    .insertInto('notifications')
    .values({
      id,
      channel: 'inbox',
      recipient_masked: null,
      recipient_enc: null,
      recipient_account_id: req.accountId,
      template: req.template,
      body: rendered.text,
      body_enc: null,
      status: 'sent',
      provider: null,
      provider_message_id: null,
      error: null,
      related_type: req.relatedType ?? null,
      related_id: req.relatedId ?? null,
      created_at: now,
      sent_at: now,
      read_at: null,
    })
    .execute();
  return { id };
}
