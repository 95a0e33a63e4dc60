import type { CatalogItemDetailView } from '../../../../contracts/catalog-api.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors.ts';
import { nowIso } from '../../../platform/time.ts';
import { auditCatalog } from '../audit-actions.ts';
import { findVersion, insertVersions, nextVersionNumber, updateItemGuarded } from '../store/store.ts';
import { presentById } from './get-catalog-item.ts';
import { loadForAction } from './item-access.ts';

/** What starting a revision needs: the published item and the revision the caller saw. */
export interface StartCatalogVersionInput {
  itemId: string;
  expectedRevision: number;
}

/**
 * Starts a revision of a published item: a draft copy of the published document. The published
 * version stays what the public and new cases see until the revision is approved.
 */
export function startCatalogVersion(
  platform: Platform,
  actor: Actor,
  input: StartCatalogVersionInput,
): Promise<CatalogItemDetailView> {
  const { itemId, expectedRevision } = input;
  return inTransaction(platform, async (trx) => {
    const { item, revision } = await loadForAction(trx, actor, {
      itemId,
      action: 'newVersion',
      expectedRevision,
    });
    const published = item.published_version_id
      ? await findVersion(trx, item.published_version_id)
      : undefined;
    if (!published) throw new AppError('CATALOG_ACTION_NOT_ALLOWED', { action: 'newVersion' });
    const now = nowIso();
    const id = newId();
    // The guarded update first: it takes the item's row, so a concurrent revision waits here and
    // then finds the revision moved (409 CATALOG_STALE_VERSION), instead of racing for the same
    // version number and failing on the unique index.
    await updateItemGuarded(trx, {
      id: item.id,
      expectedRevision: revision,
      patch: { draft_version_id: id, updated_at: now },
    });
    const number = await nextVersionNumber(trx, item.id);
    await insertVersions(trx, [
      {
        id,
        item_id: item.id,
        number,
        status: 'draft',
        document: published.document,
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
      },
    ]);
    await auditCatalog(platform, trx, {
      actor,
      action: 'catalog.startVersion',
      entityType: 'catalog_item',
      entityId: item.id,
      orgUnitId: item.department_id,
      detail: { versionId: id, number, fromVersionId: published.id },
    });
    return presentById(trx, actor, { itemId: item.id, versionId: id });
  });
}
