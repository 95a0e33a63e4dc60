import { type Actor, authorize } from '../../../platform/access/policy.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { loadDepartment } from '../store/departments.ts';
import { findItem, listVersionRows } from '../store/store.ts';
import { versionRowOf } from './present.ts';

/** The version history of an item, newest first (staff with catalog.read on its department). */
export async function listCatalogVersions(db: Executor, actor: Actor, itemId: string) {
  const item = await findItem(db, itemId);
  if (!item) throw new AppError('CATALOG_ITEM_NOT_FOUND', { id: itemId });
  const department = await loadDepartment(db, item.department_id);
  authorize(actor, 'catalog.read', department ? { path: department.path } : 'global');
  const rows = await listVersionRows(db, item.id);
  return { items: rows.map(versionRowOf) };
}
