import type { Kysely } from 'kysely';

/**
 * A submitted online application names the case it became (block 0400–0499 of the portal): the
 * case's id and number, null while a draft. The case itself is the cases module's; this is only
 * the portal's link to it, so 我的办件 and the application's page can name it.
 */
export const portalApplicationCaseMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('portal_applications').addColumn('case_id', 'text').execute();
    await db.schema.alterTable('portal_applications').addColumn('case_number', 'text').execute();
  },
};
