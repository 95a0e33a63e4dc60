import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import type { VersionStatus } from '../../../../contracts/catalog-api.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { documentOf, findItem, findVersion } from '../store/store.ts';
import type { CatalogItemVersionsTable } from '../store/tables.ts';

/** One version of an item as other modules see it: cases store `versionId` and read it back. */
export interface CatalogVersion {
  itemId: string;
  versionId: string;
  number: number;
  status: VersionStatus;
  publishedAt: string | null;
  document: CatalogItemDocument;
}

function versionOf(v: CatalogItemVersionsTable): CatalogVersion {
  return {
    itemId: v.item_id,
    versionId: v.id,
    number: v.number,
    status: v.status,
    publishedAt: v.published_at,
    document: documentOf(v),
  };
}

/** True when an item of that id exists, whatever its status (a process may be set up before publication). */
export async function itemExists(db: Executor, itemId: string): Promise<boolean> {
  return (await findItem(db, itemId)) !== undefined;
}

/** The version a new case is accepted under: the published one, or null (unknown, unpublished or retired). */
export async function getPublishedVersion(db: Executor, itemId: string): Promise<CatalogVersion | null> {
  const item = await findItem(db, itemId);
  if (item?.status !== 'published' || !item.published_version_id) return null;
  const v = await findVersion(db, item.published_version_id);
  return v ? versionOf(v) : null;
}

/** Any version by id, whatever its status now: a case keeps reading the version it was accepted under. */
export async function getVersion(db: Executor, versionId: string): Promise<CatalogVersion | null> {
  const v = await findVersion(db, versionId);
  return v ? versionOf(v) : null;
}
