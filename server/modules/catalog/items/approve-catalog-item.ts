import type { CatalogItemDetailView } from '../../../../contracts/catalog-api.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { nowIso } from '../../../platform/time.ts';
import { auditCatalog } from '../audit-actions.ts';
import { parseItemDocument } from '../domain/validate-item.ts';
import { projectionOf } from '../store/projection.ts';
import { documentOf, syncSearchIndex, updateItemGuarded, updateVersion } from '../store/store.ts';
import { presentById } from './get-catalog-item.ts';
import { loadForAction, requireGrant } from './item-access.ts';
import { requireDepartment } from './item-checks.ts';

/** What approving an item needs: the item, an optional review note, the revision the caller saw. */
export interface ApproveCatalogItemInput {
  itemId: string;
  note: string | undefined;
  expectedRevision: number;
}

/**
 * Approves the version in review and publishes it: the previous published version becomes
 * superseded, the item's search columns and the search index switch to the new document, and the
 * publication is audited, all in one transaction.
 */
export function approveCatalogItem(
  platform: Platform,
  actor: Actor,
  input: ApproveCatalogItemInput,
): Promise<CatalogItemDetailView> {
  const { itemId, note, expectedRevision } = input;
  return inTransaction(platform, async (trx) => {
    const { item, working, revision } = await loadForAction(trx, actor, {
      itemId,
      action: 'approve',
      expectedRevision,
    });
    if (!working) throw new AppError('CATALOG_ACTION_NOT_ALLOWED', { action: 'approve' });
    // The stored draft is re-validated: a rule added since it was saved still holds at publication.
    const parsed = parseItemDocument(documentOf(working), 'document');
    if (!parsed.ok) throw new AppError('VALIDATION_FAILED', { fields: parsed.fields });
    const document = parsed.document;
    const department = await requireDepartment(trx, document.departmentId, 'document');
    if (department.id !== item.department_id) requireGrant(actor, 'publish', department.path);
    const now = nowIso();
    const previous = item.published_version_id;
    if (previous) await updateVersion(trx, previous, { status: 'superseded', updated_at: now });
    await updateVersion(trx, working.id, {
      status: 'published',
      reviewed_by: actor.accountId,
      reviewed_by_name: actor.name,
      reviewed_at: now,
      approved_by: actor.accountId,
      published_at: now,
      review_note: note ?? null,
      updated_at: now,
    });
    const projected = projectionOf(document, department);
    await updateItemGuarded(trx, {
      id: item.id,
      expectedRevision: revision,
      patch: {
        ...projected,
        status: 'published',
        published_version_id: working.id,
        draft_version_id: null,
        published_at: now,
        updated_at: now,
      },
    });
    await syncSearchIndex(trx, platform.dialect, [{ id: item.id, ...projected }]);
    await auditCatalog(platform, trx, {
      actor,
      action: 'catalog.publish',
      entityType: 'catalog_item',
      entityId: item.id,
      orgUnitId: department.id,
      detail: {
        versionId: working.id,
        number: working.number,
        previousVersionId: previous,
        name: document.name,
      },
    });
    return presentById(trx, actor, { itemId: item.id, versionId: working.id });
  });
}
