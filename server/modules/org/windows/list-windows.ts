import type { WindowView } from '../../../../contracts/org.ts';
import { type Actor, authorize } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import { listWindowRows } from '../store/store.ts';
import { toWindowView } from '../views/present.ts';

/** Windows of every centre, or of one: like the org tree, the window list is public to staff. */
export async function listWindows(
  platform: Platform,
  actor: Actor,
  input: { serviceCentreId?: string },
): Promise<WindowView[]> {
  const who = authorize(actor, 'org.read', 'anywhere');
  const rows = await listWindowRows(platform.db, input.serviceCentreId);
  return rows.map((w) => toWindowView(who, w));
}
