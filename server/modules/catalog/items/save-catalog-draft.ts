import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import type { CatalogItemDetailView } from '../../../../contracts/catalog-api.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { toJson } from '../../../platform/db/json.ts';
import { AppError, say } from '../../../platform/errors.ts';
import { nowIso } from '../../../platform/time.ts';
import { auditCatalog } from '../audit-actions.ts';
import { implementationCodeClash } from '../domain/validate-item.ts';
import { itemStatusOf } from '../domain/workflow.ts';
import { projectionOf } from '../store/projection.ts';
import { syncSearchIndex, updateItemGuarded, updateVersion } from '../store/store.ts';
import { presentById } from './get-catalog-item.ts';
import { loadForAction, requireGrant } from './item-access.ts';
import { requireDepartment, requireFreeImplementationCode } from './item-checks.ts';

/** What saving a draft needs: the item, its new document, the revision the caller saw. */
export interface SaveCatalogDraftInput {
  itemId: string;
  document: CatalogItemDocument;
  expectedRevision: number;
}

/**
 * Saves the working version's document (a rejected version returns to draft). Before the first
 * publication the item's search columns follow the draft; afterwards they keep showing the
 * published version until the next approval.
 */
export function saveCatalogDraft(
  platform: Platform,
  actor: Actor,
  input: SaveCatalogDraftInput,
): Promise<CatalogItemDetailView> {
  const { itemId, document, expectedRevision } = input;
  return inTransaction(platform, async (trx) => {
    const loaded = await loadForAction(trx, actor, { itemId, action: 'edit', expectedRevision });
    const { item, working } = loaded;
    if (!working) throw new AppError('CATALOG_ACTION_NOT_ALLOWED', { action: 'edit' });
    let department = loaded.department;
    if (document.departmentId !== item.department_id) {
      // Moving an item to another department needs the right to write there too.
      department = await requireDepartment(trx, document.departmentId, 'body.document');
      requireGrant(actor, 'write', department.path);
    }
    if (item.published_version_id && document.implementationCode !== item.implementation_code) {
      throw new AppError('CATALOG_FIELD_IMMUTABLE', {
        fields: [
          {
            path: 'body.document.implementationCode',
            message: say(
              '事项发布后实施编码不可修改',
              'The implementation code cannot change once published',
            ),
          },
        ],
      });
    }
    await requireFreeImplementationCode(trx, {
      code: document.implementationCode,
      ownItemId: item.id,
      pathPrefix: 'body.document',
    });
    const now = nowIso();
    await updateVersion(trx, working.id, { document: toJson(document), status: 'draft', updated_at: now });
    // Before the first publication the row's search columns follow the draft.
    const projected = item.published_version_id ? null : projectionOf(document, department);
    await updateItemGuarded(trx, {
      id: item.id,
      expectedRevision: loaded.revision,
      patch: {
        ...projected,
        status: itemStatusOf(loaded.next),
        updated_at: now,
      },
    });
    if (projected) await syncSearchIndex(trx, platform.dialect, [{ id: item.id, ...projected }]);
    await auditCatalog(platform, trx, {
      actor,
      action: 'catalog.saveDraft',
      entityType: 'catalog_item',
      entityId: item.id,
      orgUnitId: item.department_id,
      detail: { versionId: working.id, name: document.name },
    });
    return presentById(trx, actor, { itemId: item.id, versionId: working.id });
  }).catch((err: unknown) => {
    throw implementationCodeClash(err, document.implementationCode, 'body.document');
  });
}
