import type { UpdateWindowInput, WindowView } from '../../../../contracts/org.ts';
import { type Actor, authorize } from '../../../platform/access/policy.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditOrg } from '../audit-actions.ts';
import { authorizeWindowManage } from '../domain/policy.ts';
import { assertRevision, findOrgUnit, findWindow, listWindowRows, updateRevised } from '../store/store.ts';
import type { WindowsTable } from '../store/tables.ts';
import { toWindowView } from '../views/present.ts';
import { checkWindowDepartment, checkWindowNumberFree } from './window-checks.ts';

/** Which window to edit (`id`) and the changes (the request body). */
export type UpdateWindowRequest = UpdateWindowInput & { id: string };

/**
 * Edits a window (window.manage on its centre, and on the department it names before and after the
 * edit): renumber, rename, change kind, open or close it; decided on the revision the editor saw
 * (a moved one is 409 ORG_STALE_VERSION).
 */
export async function updateWindow(
  platform: Platform,
  actor: Actor,
  input: UpdateWindowRequest,
): Promise<WindowView> {
  const { id } = input;
  authorize(actor, 'window.manage', 'anywhere');
  return inTransaction(platform, async (trx) => {
    const win = await findWindow(trx, id);
    if (!win) throw new AppError('WINDOW_NOT_FOUND', { id });
    const centre = await findOrgUnit(trx, win.service_centre_id);
    if (!centre) throw new AppError('ORG_UNIT_NOT_FOUND', { id: win.service_centre_id });
    authorize(actor, 'window.manage', { path: centre.path });
    // A department's window is managed by whoever's scope covers the department too (domain/policy.ts).
    const current = win.department_id ? await findOrgUnit(trx, win.department_id) : undefined;
    const who = authorizeWindowManage(actor, {
      centrePath: centre.path,
      departmentPath: current?.path ?? null,
    });
    assertRevision(input.expectedRevision, win.revision);

    const patch: Partial<WindowsTable> = {};
    if (input.number !== undefined && input.number !== win.number) {
      await checkWindowNumberFree(trx, { centreId: centre.id, number: input.number, exceptId: id });
      patch.number = input.number;
    }
    if (input.name !== undefined) patch.name = input.name;
    if (input.kind !== undefined) patch.kind = input.kind;
    if (input.departmentId !== undefined) patch.department_id = input.departmentId;
    if (input.active !== undefined) patch.active = input.active ? 1 : 0;
    const departmentId = input.departmentId !== undefined ? input.departmentId : win.department_id;
    const department = await checkWindowDepartment(trx, patch.kind ?? win.kind, departmentId);
    authorizeWindowManage(who, { centrePath: centre.path, departmentPath: department?.path ?? null });

    const changed = Object.keys(patch);
    if (changed.length > 0) {
      await updateRevised(trx, 'windows', { id, expected: input.expectedRevision, patch });
      await auditOrg(platform, trx, {
        actor: who,
        action: 'org.updateWindow',
        entityType: 'window',
        entityId: id,
        orgUnitId: centre.id,
        detail: { changed, number: patch.number ?? win.number },
      });
    }
    const view = (await listWindowRows(trx, centre.id)).find((w) => w.id === id);
    if (!view) throw new AppError('WINDOW_NOT_FOUND', { id });
    return toWindowView(who, view);
  });
}
