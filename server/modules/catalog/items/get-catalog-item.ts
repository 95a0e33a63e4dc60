import type { CatalogItemDetailView } from '../../../../contracts/catalog-api.ts';
import { type Actor, can } from '../../../platform/access/policy.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { permitsOn } from '../domain/policy.ts';
import { availableActions, type ItemPermits } from '../domain/workflow.ts';
import { loadDepartment } from '../store/departments.ts';
import { findItem, findVersion, stateOf } from '../store/store.ts';
import type { CatalogItemsTable, CatalogItemVersionsTable } from '../store/tables.ts';
import { detailOf } from './present.ts';

const NO_PERMITS: ItemPermits = { read: false, write: false, publish: false };

/** Permits of an actor (or nobody) on an item's department, read fresh from the org module. */
async function permitsFor(db: Executor, actor: Actor | null, item: CatalogItemsTable): Promise<ItemPermits> {
  if (!actor) return NO_PERMITS;
  const department = await loadDepartment(db, item.department_id);
  return department ? permitsOn(actor, department.path) : NO_PERMITS;
}

/** The detail of one version (of `item`) as the actor sees it, with the actions the actor may take now. */
export async function presentVersion(
  db: Executor,
  actor: Actor | null,
  shown: { item: CatalogItemsTable; version: CatalogItemVersionsTable },
): Promise<CatalogItemDetailView> {
  const { item, version } = shown;
  const permits = await permitsFor(db, actor, item);
  const working = item.draft_version_id ? await findVersion(db, item.draft_version_id) : undefined;
  return detailOf(item, version, availableActions(stateOf(item, working?.status), permits));
}

/** Which item to read, and which of its versions (undefined: the one the reader is shown by default). */
export interface GetCatalogItemInput {
  itemId: string;
  versionId: string | undefined;
}

/**
 * An item's guide. Anyone reads the published version of a published item; staff with
 * catalog.read on the item's department may read any version (?version=) and unpublished items.
 */
export async function getCatalogItem(
  db: Executor,
  actor: Actor | null,
  input: GetCatalogItemInput,
): Promise<CatalogItemDetailView> {
  const { itemId, versionId } = input;
  const item = await findItem(db, itemId);
  if (!item) throw new AppError('CATALOG_ITEM_NOT_FOUND', { id: itemId });
  const permits = await permitsFor(db, actor, item);
  const isPublic = item.status === 'published';
  let version: CatalogItemVersionsTable | undefined;
  if (versionId) {
    version = await findVersion(db, versionId);
    if (!version || version.item_id !== item.id)
      throw new AppError('CATALOG_VERSION_NOT_FOUND', { versionId });
    const current = isPublic && version.id === item.published_version_id;
    if (!current && !permits.read) {
      if (!actor) throw new AppError('AUTH_REQUIRED');
      const code = can(actor, 'catalog.read', 'anywhere') ? 'ACCESS_OUT_OF_SCOPE' : 'ACCESS_DENIED';
      throw new AppError(code, { action: 'catalog.read' });
    }
  } else if (isPublic && item.published_version_id) {
    version = await findVersion(db, item.published_version_id);
  } else if (permits.read) {
    const id = item.draft_version_id ?? item.published_version_id;
    version = id ? await findVersion(db, id) : undefined;
  }
  // Unpublished and retired items do not exist for the public.
  if (!version) throw new AppError('CATALOG_ITEM_NOT_FOUND', { id: itemId });
  const working = item.draft_version_id ? await findVersion(db, item.draft_version_id) : undefined;
  return detailOf(item, version, availableActions(stateOf(item, working?.status), permits));
}

/** Re-reads an item and one of its versions and presents them (after a write, in its transaction). */
export async function presentById(
  db: Executor,
  actor: Actor | null,
  ids: { itemId: string; versionId: string },
): Promise<CatalogItemDetailView> {
  const { itemId, versionId } = ids;
  const item = await findItem(db, itemId);
  const version = await findVersion(db, versionId);
  if (!item || !version) throw new AppError('CATALOG_ITEM_NOT_FOUND', { id: itemId });
  return presentVersion(db, actor, { item, version });
}
