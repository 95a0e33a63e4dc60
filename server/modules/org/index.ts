/**
 * What other modules may use of the org module. Nothing else: no other module reads org tables.
 * The bulk writers that seeds and tests use are not here: they are in testing/index.ts.
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
  listAllOrgUnits,
  listDescendantIds,
  listRootOrgUnits,
  orgUnitNames,
} from './store/store.ts';
export type { OrgUnitsTable as OrgUnitRecord, WindowsTable as WindowRecord } from './store/tables.ts';
export { findStaffWindow, listStaffWhoCan, listStaffWithRoleOver } from './views/lookups.ts';
