import type { CatalogItemDetailView } from '../../../../contracts/catalog-api.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { nowIso } from '../../../platform/time.ts';
import { auditCatalog } from '../audit-actions.ts';
import { itemStatusOf } from '../domain/workflow.ts';
import { updateItemGuarded, updateVersion } from '../store/store.ts';
import { presentById } from './get-catalog-item.ts';
import { loadForAction } from './item-access.ts';

/** What rejecting an item needs: the item, the note saying what to change, the revision the caller saw. */
export interface RejectCatalogItemInput {
  itemId: string;
  note: string;
  expectedRevision: number;
}

/** Sends a version in review back to its editors with a note saying what to change. */
export function rejectCatalogItem(
  platform: Platform,
  actor: Actor,
  input: RejectCatalogItemInput,
): Promise<CatalogItemDetailView> {
  const { itemId, note, expectedRevision } = input;
  return inTransaction(platform, async (trx) => {
    const { item, working, next, revision } = await loadForAction(trx, actor, {
      itemId,
      action: 'reject',
      expectedRevision,
    });
    if (!working) throw new AppError('CATALOG_ACTION_NOT_ALLOWED', { action: 'reject' });
    const now = nowIso();
    await updateVersion(trx, working.id, {
      status: 'rejected',
      reviewed_by: actor.accountId,
      reviewed_by_name: actor.name,
      reviewed_at: now,
      review_note: note,
      updated_at: now,
    });
    await updateItemGuarded(trx, {
      id: item.id,
      expectedRevision: revision,
      patch: { status: itemStatusOf(next), updated_at: now },
    });
    await auditCatalog(platform, trx, {
      actor: actor,
      action: 'catalog.reject',
      entityType: 'catalog_item',
      entityId: item.id,
      orgUnitId: item.department_id,
      detail: { versionId: working.id, number: working.number, note },
    });
    return presentById(trx, actor, { itemId: item.id, versionId: working.id });
  });
}
