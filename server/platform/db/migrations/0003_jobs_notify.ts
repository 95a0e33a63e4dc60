import type { Kysely } from 'kysely';

/**
 * Jobs and notifications, second step: the provider's message id, the SM4-encrypted body of texts
 * that carry a secret (the stored `body` then shows the secret masked), and the indexes of the
 * inbox and outbox lists.
 */
export const jobsNotifyMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('notifications').addColumn('provider_message_id', 'text').execute();
    await db.schema.alterTable('notifications').addColumn('body_enc', 'text').execute();
    await db.schema
      .createIndex('notifications_inbox')
      .on('notifications')
      .columns(['recipient_account_id', 'channel', 'created_at'])
      .execute();
    await db.schema
      .createIndex('notifications_outbox')
      .on('notifications')
      .columns(['channel', 'status', 'created_at'])
      .execute();
    await db.schema.createIndex('jobs_kind').on('jobs').columns(['kind', 'status']).execute();
  },
};
