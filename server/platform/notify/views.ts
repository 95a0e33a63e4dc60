import type { Selectable } from 'kysely';
import type { InboxItem, OutboxItem } from '../../../contracts/notify.ts';
import type { NotificationsTable } from '../db/schema.ts';

type Row = Selectable<NotificationsTable>;

/** A notification as the outbox shows it: the recipient masked, a secret masked in the body. */
export function toOutboxItem(row: Row): OutboxItem {
  return {
    id: row.id,
    channel: row.channel,
    recipientMasked: row.recipient_masked,
    template: row.template,
    body: row.body,
    status: row.status,
    provider: row.provider,
    error: row.error,
    relatedType: row.related_type,
    relatedId: row.related_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

/** A message as its recipient sees it in the inbox. */
export function toInboxItem(row: Row): InboxItem {
  return {
    id: row.id,
    template: row.template,
    body: row.body,
    relatedType: row.related_type,
    relatedId: row.related_id,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
