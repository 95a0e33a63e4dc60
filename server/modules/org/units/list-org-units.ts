import type { OrgUnitView } from '../../../../contracts/org.ts';
import { type Actor, authorize } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import { listAllOrgUnits } from '../store/store.ts';
import { toOrgUnitView } from '../views/present.ts';

/** The whole org tree (flat, parent ids), for any staff who may read the org: the tree is public. */
export async function listOrgUnits(platform: Platform, actor: Actor): Promise<OrgUnitView[]> {
  const who = authorize(actor, 'org.read', 'anywhere');
  const rows = await listAllOrgUnits(platform.db);
  return rows.map((u) => toOrgUnitView(who, u));
}
