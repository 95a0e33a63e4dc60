import type { CatalogItemDetailView } from '../../../../contracts/catalog-api.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { nowIso } from '../../../platform/time.ts';
import { auditCatalog } from '../audit-actions.ts';
import { updateItemGuarded, updateVersion } from '../store/store.ts';
import { presentById } from './get-catalog-item.ts';
import { loadForAction } from './item-access.ts';

/** What retiring an item needs: the item, an optional note, the revision the caller saw. */
export interface RetireCatalogItemInput {
  itemId: string;
  note: string | undefined;
  expectedRevision: number;
}

/**
 * Retires a published item: it leaves the portal and the search, its versions stay readable by
 * id (cases keep theirs), and an open working version is withdrawn with it. Audited.
 */
export function retireCatalogItem(
  platform: Platform,
  actor: Actor,
  input: RetireCatalogItemInput,
): Promise<CatalogItemDetailView> {
  const { itemId, note, expectedRevision } = input;
  return inTransaction(platform, async (trx) => {
    const { item, working, revision } = await loadForAction(trx, actor, {
      itemId,
      action: 'retire',
      expectedRevision,
    });
    const published = item.published_version_id;
    if (!published) throw new AppError('CATALOG_ACTION_NOT_ALLOWED', { action: 'retire' });
    const now = nowIso();
    const retired = { status: 'retired' as const, review_note: note ?? null, updated_at: now };
    await updateVersion(trx, published, retired);
    if (working) await updateVersion(trx, working.id, retired);
    await updateItemGuarded(trx, {
      id: item.id,
      expectedRevision: revision,
      patch: {
        status: 'retired',
        draft_version_id: null,
        updated_at: now,
      },
    });
    await auditCatalog(platform, trx, {
      actor,
      action: 'catalog.retire',
      entityType: 'catalog_item',
      entityId: item.id,
      orgUnitId: item.department_id,
      detail: { versionId: published, withdrawnVersionId: working?.id ?? null, note: note ?? null },
    });
    return presentById(trx, actor, { itemId: item.id, versionId: published });
  });
}
