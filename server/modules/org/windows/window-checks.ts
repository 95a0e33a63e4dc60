/**
 * The checks of a window change that read the store: the host centre, the named department, a
 * free window number. The rules of who may manage a window are in domain/policy.ts.
 */
import { type OrgUnitKind, WINDOW_HOST_KINDS } from '../../../../contracts/org.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { say } from '../../../platform/errors.ts';
import { findOrgUnit, orgDb } from '../store/store.ts';
import type { OrgUnitsTable } from '../store/tables.ts';
import { fieldError } from '../views/present.ts';

/** Loads the unit that hosts windows, or a field error when it is missing or not a service centre. */
export async function loadWindowHost(db: Executor, id: string): Promise<OrgUnitsTable> {
  const centre = await findOrgUnit(db, id);
  if (!centre || !WINDOW_HOST_KINDS.includes(centre.kind as OrgUnitKind)) {
    throw fieldError(
      'VALIDATION_FAILED',
      'body.serviceCentreId',
      say('应为服务中心或便民服务站', 'Should be a service centre or service station'),
    );
  }
  return centre;
}

/**
 * A specialist window belongs to a department; other kinds may name one too, but it must be one.
 * Returns that department (null when none is named), whose path the caller authorizes against.
 */
export async function checkWindowDepartment(
  db: Executor,
  kind: string,
  departmentId: string | null | undefined,
): Promise<OrgUnitsTable | null> {
  if (kind === 'specialist' && !departmentId) {
    throw fieldError(
      'VALIDATION_FAILED',
      'body.departmentId',
      say('专业窗口须指定部门', 'A specialist window needs a department'),
    );
  }
  if (departmentId) {
    const dept = await findOrgUnit(db, departmentId);
    if (dept?.kind !== 'department') {
      throw fieldError('VALIDATION_FAILED', 'body.departmentId', say('应为部门', 'Should be a department'));
    }
    return dept;
  }
  return null;
}

/** Refuses a window `number` already used at the same centre (`centreId`; other than by `exceptId`). */
export async function checkWindowNumberFree(
  db: Executor,
  { centreId, number, exceptId }: { centreId: string; number: string; exceptId?: string },
): Promise<void> {
  let q = orgDb(db)
    .selectFrom('windows')
    .select('id')
    .where('service_centre_id', '=', centreId)
    .where('number', '=', number);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) {
    throw fieldError(
      'WINDOW_NUMBER_TAKEN',
      'body.number',
      say(`${number} 已被使用`, `${number} is already taken`),
    );
  }
}
