import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../../platform/db/index.ts';

/**
 * Catalogue tables: items (projection for lists and search) and their versions. Search indexes
 * differ by dialect: an FTS5 trigram table on SQLite; pg_trgm GIN indexes on PostgreSQL when the
 * extension can be created (plain ILIKE scans otherwise, which stay correct, only slower).
 */
export function catalogMigration(dialect: Dialect) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('catalog_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('implementation_code', 'text', (c) => c.notNull().unique())
        .addColumn('catalog_code', 'text', (c) => c.notNull())
        .addColumn('department_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('department_name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('published_version_id', 'text')
        .addColumn('draft_version_id', 'text')
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_pinyin', 'text', (c) => c.notNull())
        .addColumn('name_initials', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('codes', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('service_objects', 'text', (c) => c.notNull())
        .addColumn('topics', 'text', (c) => c.notNull())
        .addColumn('depth_summary', 'text', (c) => c.notNull())
        .addColumn('visits', 'integer', (c) => c.notNull())
        .addColumn('promised_value', 'integer', (c) => c.notNull())
        .addColumn('promised_unit', 'text', (c) => c.notNull())
        .addColumn('in_hall', 'integer', (c) => c.notNull())
        .addColumn('comprehensive', 'integer', (c) => c.notNull())
        .addColumn('grassroots', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .execute();
      await db.schema
        .createIndex('catalog_items_department')
        .on('catalog_items')
        .column('department_id')
        .execute();
      // No index on status: nearly every row is published, and such an index would lead SQLite's
      // planner to scan by status instead of looking up the few ids an FTS match returns.
      await db.schema.createIndex('catalog_items_name').on('catalog_items').column('name').execute();

      await db.schema
        .createTable('catalog_item_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('item_id', 'text', (c) => c.notNull().references('catalog_items.id'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_by_name', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('submitted_by', 'text')
        .addColumn('submitted_by_name', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('reviewed_by', 'text')
        .addColumn('reviewed_by_name', 'text')
        .addColumn('reviewed_at', 'text')
        .addColumn('approved_by', 'text')
        .addColumn('published_at', 'text')
        .addColumn('review_note', 'text')
        .addUniqueConstraint('catalog_item_versions_number', ['item_id', 'number'])
        .execute();

      if (dialect === 'sqlite') {
        await sql`create virtual table catalog_search using fts5(item_id unindexed, name, body, pinyin, tokenize = 'trigram')`.execute(
          db,
        );
      } else if (await tryCreatePgTrgm(db)) {
        for (const column of ['name', 'search_text', 'codes', 'name_pinyin', 'name_initials']) {
          await sql`create index ${sql.raw(`catalog_items_${column}_trgm`)} on catalog_items using gin (${sql.ref(column)} gin_trgm_ops)`.execute(
            db,
          );
        }
      }
    },
  };
}

/**
 * Creates pg_trgm if the server has it and the role may; a failure is rolled back to a savepoint so
 * the migration's transaction goes on (search then falls back to ILIKE scans).
 */
// biome-ignore lint/suspicious/noExplicitAny: the migration's schema-less Kysely.
async function tryCreatePgTrgm(db: Kysely<any>): Promise<boolean> {
  await sql`savepoint catalog_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`release savepoint catalog_trgm`.execute(db);
    return true;
  } catch {
    await sql`rollback to savepoint catalog_trgm`.execute(db);
    return false;
  }
}

/**
 * Every mutable resource's revision is 1 when stored (contracts/revision.ts); catalogue items began
 * at 0. Moving every stored item up by one keeps the order of their changes; an editor open across
 * the upgrade hears CATALOG_STALE_VERSION once and reloads.
 */
export const catalogRevisionFromOneMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    await db.updateTable('catalog_items').set({ revision: sql`revision + 1` }).execute();
  },
};
