import type { Kysely } from 'kysely';

/**
 * The files uploaded to online applications, one row per file and material (block 0400–0499 of the
 * portal). The bytes and the file's own record are platform/files'; the name, type and size are
 * copied here at upload (a stored file never changes) so a draft's checklist is read from the
 * portal's own tables.
 */
export const portalApplicationFilesMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('portal_application_files')
      .addColumn('file_id', 'text', (c) => c.primaryKey())
      .addColumn('application_id', 'text', (c) => c.notNull().references('portal_applications.id'))
      .addColumn('material_id', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('portal_application_files_application')
      .on('portal_application_files')
      .columns(['application_id', 'uploaded_at'])
      .execute();
  },
};
