import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import type { CatalogItemDetailView } from '../../../../contracts/catalog-api.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { toJson } from '../../../platform/db/json.ts';
import { nowIso } from '../../../platform/time.ts';
import { auditCatalog } from '../audit-actions.ts';
import { implementationCodeClash } from '../domain/validate-item.ts';
import { projectionOf } from '../store/projection.ts';
import { insertItems, insertVersions, syncSearchIndex } from '../store/store.ts';
import type { CatalogItemsTable, CatalogItemVersionsTable } from '../store/tables.ts';
import { presentVersion } from './get-catalog-item.ts';
import { requireGrant } from './item-access.ts';
import { requireDepartment, requireFreeImplementationCode } from './item-checks.ts';

/**
 * Creates an item with its first version as a draft. Catalogue administrators create for any
 * department; department staff only for their own.
 */
export function createCatalogItem(
  platform: Platform,
  actor: Actor,
  document: CatalogItemDocument,
): Promise<CatalogItemDetailView> {
  return inTransaction(platform, async (trx) => {
    const department = await requireDepartment(trx, document.departmentId, 'body.document');
    requireGrant(actor, 'write', department.path);
    await requireFreeImplementationCode(trx, {
      code: document.implementationCode,
      ownItemId: null,
      pathPrefix: 'body.document',
    });
    const now = nowIso();
    const item: CatalogItemsTable = {
      id: newId(),
      status: 'draft',
      published_version_id: null,
      draft_version_id: newId(),
      revision: 1,
      ...projectionOf(document, department),
      created_at: now,
      updated_at: now,
      published_at: null,
    };
    const version: CatalogItemVersionsTable = {
      id: item.draft_version_id as string,
      item_id: item.id,
      number: 1,
      status: 'draft',
      document: toJson(document),
      created_by: actor.accountId,
      created_by_name: actor.name,
      created_at: now,
      updated_at: now,
      submitted_by: null,
      submitted_by_name: null,
      submitted_at: null,
      reviewed_by: null,
      reviewed_by_name: null,
      reviewed_at: null,
      approved_by: null,
      published_at: null,
      review_note: null,
    };
    await insertItems(trx, [item]);
    await insertVersions(trx, [version]);
    await syncSearchIndex(trx, platform.dialect, [item]);
    await auditCatalog(platform, trx, {
      actor,
      action: 'catalog.create',
      entityType: 'catalog_item',
      entityId: item.id,
      orgUnitId: department.id,
      detail: { versionId: version.id, name: document.name, implementationCode: document.implementationCode },
    });
    return presentVersion(trx, actor, { item, version });
  }).catch((err: unknown) => {
    throw implementationCodeClash(err, document.implementationCode, 'body.document');
  });
}
