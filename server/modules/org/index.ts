/**
 * What other modules may use of the org module. Nothing else: no other module reads org tables.
 */

export { orgUnitRowActions, staffRowActions } from './domain/policy.ts';
export { orgRoutes } from './http/routes.ts';
export { orgModule } from './module.ts';
export { loadStaffActor } from './staff/actor.ts';
export { createFirstAdmin } from './staff/create-first-admin.ts';
export {
  findOrgUnit,
  findOrgUnitByCode,
  findWindow,
  getOrgUnitPath,
  insertOrgUnit,
  insertWindow,
  listAllOrgUnits,
  listDescendantIds,
  listRootOrgUnits,
  type NewOrgUnit,
  type NewWindow,
  orgUnitNames,
} from './store/store.ts';
export { insertStaff, type NewStaff } from './store/store-staff.ts';
export type { OrgUnitsTable as OrgUnitRecord, WindowsTable as WindowRecord } from './store/tables.ts';
export { findStaffWindow, listStaffWhoCan, listStaffWithRoleOver } from './views/lookups.ts';
