import type { Kysely } from 'kysely';

/**
 * The example module's tables, in its own block of migration numbers (9900–9999; a real module takes
 * the next free block, see docs/adding-a-module.md). Plain Kysely schema builder: the same migration
 * runs on SQLite and PostgreSQL. A landed migration is never edited; a change is a new one.
 */
export const exampleNotesMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('example_notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // A unit with notes is not deleted: org's delete answers 409 ORG_UNIT_HAS_CHILDREN.
      .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('author_account_id', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text')
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('example_notes_unit')
      .on('example_notes')
      .columns(['org_unit_id', 'updated_at'])
      .execute();
    await db.schema
      .createTable('example_delivery_counts')
      .addColumn('org_unit_id', 'text', (c) => c.primaryKey())
      .addColumn('delivered', 'integer', (c) => c.notNull())
      .execute();
  },
};
