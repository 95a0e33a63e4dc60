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

/** What submitting an item needs: the item and the revision the caller saw. */
export interface SubmitCatalogItemInput {
  itemId: string;
  expectedRevision: number;
}

/** Sends the working version for review (by its department's staff or a catalogue administrator). */
export function submitCatalogItem(
  platform: Platform,
  actor: Actor,
  input: SubmitCatalogItemInput,
): Promise<CatalogItemDetailView> {
  const { itemId, expectedRevision } = input;
  return inTransaction(platform, async (trx) => {
    const { item, working, next, revision } = await loadForAction(trx, actor, {
      itemId,
      action: 'submit',
      expectedRevision,
    });
    if (!working) throw new AppError('CATALOG_ACTION_NOT_ALLOWED', { action: 'submit' });
    const now = nowIso();
    await updateVersion(trx, working.id, {
      status: 'in_review',
      submitted_by: actor.accountId,
      submitted_by_name: actor.name,
      submitted_at: now,
      updated_at: now,
    });
    await updateItemGuarded(trx, {
      id: item.id,
      expectedRevision: revision,
      patch: { status: itemStatusOf(next), updated_at: now },
    });
    await auditCatalog(platform, trx, {
      actor: actor,
      action: 'catalog.submit',
      entityType: 'catalog_item',
      entityId: item.id,
      orgUnitId: item.department_id,
      detail: { versionId: working.id, number: working.number },
    });
    return presentById(trx, actor, { itemId: item.id, versionId: working.id });
  });
}
