import type { Kysely } from 'kysely';

/** The addresses each account last logged in from (platform/auth): they may still try while the account is refused elsewhere. */
export const loginAddressesMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('login_addresses')
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('last_login_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('login_addresses_pk', ['account_id', 'ip'])
      .execute();
  },
};
