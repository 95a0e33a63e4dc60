import type { Kysely } from 'kysely';

/** Online applications while drafts (block 0400–0499 of the portal). */
export const portalApplicationsMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('portal_applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('portal_accounts.id'))
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('item_version_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('situations', 'text', (c) => c.notNull())
      .addColumn('form_enc', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .execute();
    await db.schema
      .createIndex('portal_applications_account')
      .on('portal_applications')
      .columns(['account_id', 'updated_at'])
      .execute();
  },
};
