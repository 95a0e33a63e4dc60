import type { CreateWindowInput, WindowView } from '../../../../contracts/org.ts';
import { type Actor, authorize } from '../../../platform/access/policy.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditOrg } from '../audit-actions.ts';
import { authorizeWindowManage } from '../domain/policy.ts';
import { insertWindow, listWindowRows } from '../store/store.ts';
import { toWindowView } from '../views/present.ts';
import { checkWindowDepartment, checkWindowNumberFree, loadWindowHost } from './window-checks.ts';

/**
 * Opens a window at a service centre (window.manage on the centre, and on the department it names);
 * numbers are unique per centre.
 */
export async function createWindow(
  platform: Platform,
  actor: Actor,
  input: CreateWindowInput,
): Promise<WindowView> {
  authorize(actor, 'window.manage', 'anywhere');
  return inTransaction(platform, async (trx) => {
    const centre = await loadWindowHost(trx, input.serviceCentreId);
    authorize(actor, 'window.manage', { path: centre.path });
    const department = await checkWindowDepartment(trx, input.kind, input.departmentId);
    const who = authorizeWindowManage(actor, {
      centrePath: centre.path,
      departmentPath: department?.path ?? null,
    });
    await checkWindowNumberFree(trx, { centreId: centre.id, number: input.number });
    const row = await insertWindow(trx, {
      serviceCentreId: centre.id,
      number: input.number,
      name: input.name,
      kind: input.kind,
      departmentId: input.departmentId ?? null,
    });
    await auditOrg(platform, trx, {
      actor: who,
      action: 'org.createWindow',
      entityType: 'window',
      entityId: row.id,
      orgUnitId: centre.id,
      detail: { number: row.number, name: row.name, kind: row.kind, departmentId: row.department_id },
    });
    const view = (await listWindowRows(trx, centre.id)).find((w) => w.id === row.id);
    if (!view) throw new AppError('WINDOW_NOT_FOUND', { id: row.id });
    return toWindowView(who, view);
  });
}
