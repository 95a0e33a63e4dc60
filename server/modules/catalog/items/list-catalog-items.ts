import type { ItemStatus } from '../../../../contracts/catalog-api.ts';
import { type Actor, authorize } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import { permitsOn } from '../domain/policy.ts';
import { availableActions } from '../domain/workflow.ts';
import { type CatalogSearch, searchItems } from '../search/search.ts';
import { departmentIdsInScope, loadDepartment } from '../store/departments.ts';
import { stateOf } from '../store/store.ts';
import { staffRowOf } from './present.ts';

/**
 * The console's item list: every status, limited to the departments in the actor's catalog.read
 * scope (published items are visible to all staff anyway), each row with the actor's actions.
 */
export async function listCatalogItemsForStaff(
  platform: Platform,
  actor: Actor,
  search: CatalogSearch & { status?: ItemStatus; pendingReview?: boolean },
) {
  authorize(actor, 'catalog.read', 'anywhere');
  const departmentIds = await departmentIdsInScope(platform.db, actor, 'catalog.read');
  const { rows, total } = await searchItems(platform.db, platform.dialect, {
    search,
    audience: { kind: 'staff', departmentIds, status: search.status, pendingReview: search.pendingReview },
  });
  const paths = new Map<string, string>();
  for (const r of rows) {
    if (!paths.has(r.department_id)) {
      paths.set(r.department_id, (await loadDepartment(platform.db, r.department_id))?.path ?? '');
    }
  }
  return {
    items: rows.map((r) => {
      const path = paths.get(r.department_id) ?? '';
      const permits = path ? permitsOn(actor, path) : { read: false, write: false, publish: false };
      return staffRowOf(r, availableActions(stateOf(r, r.draft_status), permits));
    }),
    total,
  };
}
