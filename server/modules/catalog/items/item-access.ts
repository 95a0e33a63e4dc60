import type { CatalogWorkflowAction } from '../../../../contracts/catalog-api.ts';
import { type Actor, authorize, can } from '../../../platform/access/policy.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { decide, GRANT_FOR, type ItemState } from '../domain/workflow.ts';
import { type Department, loadDepartment } from '../store/departments.ts';
import { findItem, findVersion, stateOf } from '../store/store.ts';
import type { CatalogItemsTable, CatalogItemVersionsTable } from '../store/tables.ts';

/** Throws 403 unless the actor holds the grant on the department (write = edit or propose). */
export function requireGrant(actor: Actor, grant: 'write' | 'publish', departmentPath: string): void {
  const target = { path: departmentPath };
  if (grant === 'publish') {
    authorize(actor, 'catalog.publish', target);
    return;
  }
  if (can(actor, 'catalog.edit', target)) return;
  // Department staff hold catalog.propose; its error says "outside your scope" for other departments.
  authorize(actor, 'catalog.propose', target);
}

/** An item loaded for a workflow action, authorised and with the action decided. */
export interface LoadedItem {
  item: CatalogItemsTable;
  working: CatalogItemVersionsTable | null;
  department: Department;
  state: ItemState;
  next: ItemState;
  /** The revision the guarded update must still find. */
  revision: number;
}

/** One workflow action asked for on an item, with the revision the caller saw. */
export interface ItemActionRequest {
  itemId: string;
  action: CatalogWorkflowAction;
  expectedRevision: number;
}

/**
 * Load → authorise → decide for one workflow action on an item, inside the caller's transaction.
 * A stale expected revision is a 409 before anything is written.
 */
export async function loadForAction(trx: Tx, actor: Actor, request: ItemActionRequest): Promise<LoadedItem> {
  const { itemId, action, expectedRevision } = request;
  const item = await findItem(trx, itemId);
  if (!item) throw new AppError('CATALOG_ITEM_NOT_FOUND', { id: itemId });
  const working = item.draft_version_id ? ((await findVersion(trx, item.draft_version_id)) ?? null) : null;
  const department = await loadDepartment(trx, item.department_id);
  if (!department) throw new AppError('CATALOG_DEPARTMENT_INVALID', { departmentId: item.department_id });
  requireGrant(actor, GRANT_FOR[action], department.path);
  const state = stateOf(item, working?.status);
  const next = decide(state, action);
  if (expectedRevision !== item.revision) {
    throw new AppError('CATALOG_STALE_VERSION', { expected: expectedRevision, current: item.revision });
  }
  return { item, working, department, state, next, revision: item.revision };
}
