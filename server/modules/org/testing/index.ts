/**
 * The org module's testing entry: the bulk writers seeds and tests use to build units, windows and
 * staff directly. Tests and the demo seed (demo/) import it; runtime code never does (it uses
 * ../index.ts).
 */
export { insertOrgUnit, insertWindow, type NewOrgUnit, type NewWindow, orgDb } from '../store/store.ts';
export { insertStaff, type NewStaff } from '../store/store-staff.ts';
