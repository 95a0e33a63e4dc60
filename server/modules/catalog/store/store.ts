import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import type { Dialect, Executor } from '../../../platform/db/index.ts';
import { fromJson } from '../../../platform/db/json.ts';
import { AppError } from '../../../platform/errors.ts';
import type { ItemState } from '../domain/workflow.ts';
import type { CatalogItemsTable, CatalogItemVersionsTable, CatalogTables } from './tables.ts';

/** The catalog module's view of any executor (database or transaction). */
export function catalogDb(db: Executor) {
  return db.withTables<CatalogTables>();
}

/** Rows per multi-row INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH = 400;

/** Finds an item row by id. */
export function findItem(db: Executor, id: string): Promise<CatalogItemsTable | undefined> {
  return catalogDb(db).selectFrom('catalog_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Finds the item that holds an implementation code. */
export function findItemByImplementationCode(
  db: Executor,
  code: string,
): Promise<Pick<CatalogItemsTable, 'id' | 'name'> | undefined> {
  return catalogDb(db)
    .selectFrom('catalog_items')
    .select(['id', 'name'])
    .where('implementation_code', '=', code)
    .executeTakeFirst();
}

/** Finds a version row by id. */
export function findVersion(db: Executor, id: string): Promise<CatalogItemVersionsTable | undefined> {
  return catalogDb(db)
    .selectFrom('catalog_item_versions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every version of an item, newest first. */
export function listVersionRows(db: Executor, itemId: string): Promise<CatalogItemVersionsTable[]> {
  return catalogDb(db)
    .selectFrom('catalog_item_versions')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('number', 'desc')
    .execute();
}

/** The next version number of an item. */
export async function nextVersionNumber(db: Executor, itemId: string): Promise<number> {
  const row = await catalogDb(db)
    .selectFrom('catalog_item_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

/** The document stored in a version row. */
export function documentOf(version: Pick<CatalogItemVersionsTable, 'document'>): CatalogItemDocument {
  return fromJson<CatalogItemDocument>(version.document, {} as CatalogItemDocument);
}

/** Inserts item rows in batches. */
export async function insertItems(db: Executor, rows: readonly CatalogItemsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await catalogDb(db)
      .insertInto('catalog_items')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

/** Inserts version rows in batches. */
export async function insertVersions(db: Executor, rows: readonly CatalogItemVersionsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await catalogDb(db)
      .insertInto('catalog_item_versions')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

/** A guarded update of an item: which item, the revision it must still have, the columns to set. */
export interface GuardedItemUpdate {
  id: string;
  expectedRevision: number;
  patch: Partial<Omit<CatalogItemsTable, 'id' | 'revision'>>;
}

/**
 * Updates an item only if its revision is still `expectedRevision`, and bumps the revision. A
 * concurrent change in between makes the update miss: CATALOG_STALE_VERSION, never a lost update.
 */
export async function updateItemGuarded(db: Executor, update: GuardedItemUpdate): Promise<number> {
  const { id, expectedRevision, patch } = update;
  const result = await catalogDb(db)
    .updateTable('catalog_items')
    .set({ ...patch, revision: expectedRevision + 1 })
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    const row = await catalogDb(db)
      .selectFrom('catalog_items')
      .select('revision')
      .where('id', '=', id)
      .executeTakeFirst();
    throw new AppError('CATALOG_STALE_VERSION', {
      expected: expectedRevision,
      current: row?.revision ?? null,
    });
  }
  return expectedRevision + 1;
}

/** Updates a version row. */
export async function updateVersion(
  db: Executor,
  id: string,
  patch: Partial<Omit<CatalogItemVersionsTable, 'id' | 'item_id' | 'number'>>,
): Promise<void> {
  await catalogDb(db).updateTable('catalog_item_versions').set(patch).where('id', '=', id).execute();
}

/**
 * Mirrors items' names, other search text and name pinyin into the FTS5 table (SQLite). On PostgreSQL the
 * trigram indexes live on catalog_items itself, so there is nothing to do.
 */
export async function syncSearchIndex(
  db: Executor,
  dialect: Dialect,
  rows: readonly Pick<
    CatalogItemsTable,
    'id' | 'name' | 'search_text' | 'codes' | 'name_pinyin' | 'name_initials'
  >[],
): Promise<void> {
  if (dialect !== 'sqlite' || rows.length === 0) return;
  const cdb = catalogDb(db);
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    await cdb
      .deleteFrom('catalog_search')
      .where(
        'item_id',
        'in',
        chunk.map((r) => r.id),
      )
      .execute();
    await cdb
      .insertInto('catalog_search')
      .values(
        chunk.map((r) => ({
          item_id: r.id,
          name: r.name,
          body: `${r.search_text} ${r.codes}`,
          pinyin: `${r.name_pinyin} ${r.name_initials}`,
        })),
      )
      .execute();
  }
}

/** The workflow state of an item from its row and its working version's status. */
export function stateOf(
  item: Pick<CatalogItemsTable, 'status' | 'published_version_id'>,
  workingStatus: string | null | undefined,
): ItemState {
  const published = item.published_version_id ? (item.status === 'retired' ? 'retired' : 'published') : null;
  const working =
    workingStatus === 'draft' || workingStatus === 'in_review' || workingStatus === 'rejected'
      ? workingStatus
      : null;
  return { published, working };
}
