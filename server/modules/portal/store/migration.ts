import type { Kysely } from 'kysely';

/** The portal's tables (block 0400–0499). Plain Kysely schema builder: the same on both databases. */
export const portalAccountsMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('portal_accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('phone_digest', 'text', (c) => c.notNull().unique())
      .addColumn('phone_enc', 'text', (c) => c.notNull())
      .addColumn('phone_masked', 'text', (c) => c.notNull())
      .addColumn('name_enc', 'text')
      .addColumn('name_masked', 'text')
      .addColumn('id_number_enc', 'text')
      .addColumn('id_number_masked', 'text')
      .addColumn('id_number_digest', 'text', (c) => c.unique())
      .addColumn('address_enc', 'text')
      .addColumn('address_masked', 'text')
      .addColumn('real_name_level', 'text', (c) => c.notNull())
      .addColumn('identity_provider', 'text')
      .addColumn('identity_checked_at', 'text')
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('portal_login_codes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('phone_digest', 'text', (c) => c.notNull())
      .addColumn('code_digest', 'text', (c) => c.notNull())
      .addColumn('tries', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('ip', 'text')
      .execute();
    await db.schema
      .createIndex('portal_login_codes_phone')
      .on('portal_login_codes')
      .columns(['phone_digest', 'created_at'])
      .execute();
    await db.schema
      .createTable('portal_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) =>
        c.notNull().references('portal_accounts.id').onDelete('cascade'),
      )
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema
      .createIndex('portal_sessions_account')
      .on('portal_sessions')
      .column('account_id')
      .execute();
  },
};
