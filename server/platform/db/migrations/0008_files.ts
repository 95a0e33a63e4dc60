import type { Kysely } from 'kysely';
import type { Dialect } from '../index.ts';

/**
 * Uploaded files (platform/files): `files`, one row per upload, kept (with `deleted_at`) after its
 * bytes are deleted; and `file_blobs`, the bytes of files stored in the database (FILE_STORAGE=database).
 */
export function filesMigration(dialect: Dialect) {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('files')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text')
        .addColumn('related_id', 'text')
        .addColumn('original_name', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', bigint, (c) => c.notNull())
        .addColumn('sm3', 'text', (c) => c.notNull())
        .addColumn('storage', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .execute();
      // The sum of a group's sizes (UPLOAD_MAX_GROUP_BYTES) and a module's list of its files.
      await db.schema.createIndex('files_related').on('files').columns(['purpose', 'related_id']).execute();
      await db.schema.createIndex('files_owner').on('files').columns(['owner_kind', 'owner_id']).execute();

      await db.schema
        .createTable('file_blobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('bytes', bytes, (c) => c.notNull())
        .execute();
    },
  };
}
