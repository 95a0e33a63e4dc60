import type { Kysely } from 'kysely';

/**
 * Enterprises registered on the portal and their members (block 0400–0499; 0400 is never edited).
 * A member is its mobile number's HMAC digest (the same as `portal_accounts.phone_digest`), so a
 * number added before it ever logged in is a member at its first log-in, found without decrypting.
 */
export const portalEnterprisesMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('portal_enterprises')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('credit_code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('legal_representative_enc', 'text', (c) => c.notNull())
      .addColumn('legal_representative_masked', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('registered_by', 'text', (c) => c.notNull().references('portal_accounts.id'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('portal_enterprise_members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) =>
        c.notNull().references('portal_enterprises.id').onDelete('cascade'),
      )
      .addColumn('phone_digest', 'text', (c) => c.notNull())
      .addColumn('phone_masked', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull().references('portal_accounts.id'))
      .addColumn('added_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('portal_enterprise_members_unique')
      .on('portal_enterprise_members')
      .columns(['enterprise_id', 'phone_digest'])
      .unique()
      .execute();
    await db.schema
      .createIndex('portal_enterprise_members_phone')
      .on('portal_enterprise_members')
      .column('phone_digest')
      .execute();
  },
};
