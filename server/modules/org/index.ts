/**
 * What other modules may use of the org module. Nothing else: no other module reads org tables.
 */
export { loadStaffActor } from './actor.ts';
export { createFirstAdmin } from './create-first-admin.ts';
export { findStaffWindow, listStaffWhoCan, listStaffWithRoleOver } from './lookups.ts';
export { orgModule } from './module.ts';
export { orgUnitRowActions, staffRowActions } from './policy.ts';
export { orgRoutes } from './routes.ts';
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
} from './store.ts';
export { insertStaff, type NewStaff } from './store-staff.ts';
export type { OrgUnitsTable as OrgUnitRecord, WindowsTable as WindowRecord } from './tables.ts';
