import type { StaffView } from '../../../../contracts/org.ts';
import { type Actor, authorize } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { findStaffRow, rolesOfStaff } from '../store/store-staff.ts';
import { toStaffView } from '../views/present.ts';

/** Loads one staff member's view for an actor already allowed to see it. */
export async function staffView(db: Executor, actor: Actor, id: string): Promise<StaffView> {
  const row = await findStaffRow(db, id);
  if (!row) throw new AppError('STAFF_NOT_FOUND', { id });
  return toStaffView(actor, row, await rolesOfStaff(db, [id]));
}

/** One staff member, when they work inside the actor's staff.read scope. */
export async function getStaff(platform: Platform, actor: Actor, id: string): Promise<StaffView> {
  authorize(actor, 'staff.read', 'anywhere');
  const row = await findStaffRow(platform.db, id);
  if (!row) throw new AppError('STAFF_NOT_FOUND', { id });
  const who = authorize(actor, 'staff.read', { path: row.org_unit_path });
  return toStaffView(who, row, await rolesOfStaff(platform.db, [id]));
}
