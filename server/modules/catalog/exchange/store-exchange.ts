/** SQL of the catalogue's import and export: bulk look-ups by implementation code and version id. */
import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { catalogDb, documentOf } from '../store/store.ts';

/** Ids per IN list: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** The items that already hold any of these implementation codes: code → item name. */
export async function itemsHoldingCodes(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const held = new Map<string, string>();
  for (const chunk of chunks([...new Set(codes)])) {
    const rows = await catalogDb(db)
      .selectFrom('catalog_items')
      .select(['implementation_code', 'name'])
      .where('implementation_code', 'in', chunk)
      .execute();
    for (const r of rows) held.set(r.implementation_code, r.name);
  }
  return held;
}

/** The documents of versions by id. */
export async function versionDocuments(
  db: Executor,
  versionIds: readonly string[],
): Promise<Map<string, CatalogItemDocument>> {
  const docs = new Map<string, CatalogItemDocument>();
  for (const chunk of chunks(versionIds)) {
    const rows = await catalogDb(db)
      .selectFrom('catalog_item_versions')
      .select(['id', 'document'])
      .where('id', 'in', chunk)
      .execute();
    for (const r of rows) docs.set(r.id, documentOf(r));
  }
  return docs;
}
