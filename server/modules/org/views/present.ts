import type { Role } from '../../../../contracts/access.ts';
import type {
  OrgUnitKind,
  OrgUnitView,
  StaffView,
  WindowKind,
  WindowView,
} from '../../../../contracts/org.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import { AppError, type Bilingual, type ErrorCode } from '../../../platform/errors.ts';
import { orgUnitRowActions, staffRowActions, windowRowActions } from '../domain/policy.ts';
import type { StaffRoleRow, StaffRow } from '../store/store-staff.ts';
import type { OrgUnitsTable, WindowsTable } from '../store/tables.ts';

/** An error about one request field, in the shape every 400 uses: `{ fields: [{ path, message }] }`. */
export function fieldError(code: ErrorCode, path: string, message: Bilingual): AppError {
  return new AppError(code, { fields: [{ path, message }] });
}

/** An org unit as the API shows it, with what the actor may do to it. */
export function toOrgUnitView(actor: Actor, u: OrgUnitsTable): OrgUnitView {
  return {
    id: u.id,
    parentId: u.parent_id,
    code: u.code,
    name: u.name,
    kind: u.kind as OrgUnitKind,
    creditCode: u.credit_code,
    divisionCode: u.division_code,
    address: u.address,
    phone: u.phone,
    sort: Number(u.sort),
    revision: Number(u.revision),
    allowedActions: orgUnitRowActions(actor, { path: u.path, parentId: u.parent_id, kind: u.kind }),
  };
}

/** A window as the API shows it. */
export function toWindowView(
  actor: Actor,
  w: WindowsTable & {
    centre_name: string;
    centre_path: string;
    department_name: string | null;
    department_path: string | null;
  },
): WindowView {
  return {
    id: w.id,
    serviceCentreId: w.service_centre_id,
    serviceCentreName: w.centre_name,
    number: w.number,
    name: w.name,
    kind: w.kind as WindowKind,
    departmentId: w.department_id,
    departmentName: w.department_name,
    active: w.active === 1,
    revision: Number(w.revision),
    allowedActions: windowRowActions(actor, { centrePath: w.centre_path, departmentPath: w.department_path }),
  };
}

/** A staff member as the API shows it: phone masked, grants named, allowed actions computed. */
export function toStaffView(actor: Actor, s: StaffRow, roles: readonly StaffRoleRow[]): StaffView {
  return {
    id: s.id,
    accountId: s.account_id,
    username: s.username,
    name: s.name,
    orgUnitId: s.org_unit_id,
    orgUnitName: s.org_unit_name,
    windowId: s.window_id,
    windowName: s.window_id ? `${s.window_number} ${s.window_name}` : null,
    phoneMasked: s.phone_masked,
    title: s.title,
    active: s.active === 1,
    locked: s.locked_until !== null && Date.parse(s.locked_until) > Date.now(),
    mustChangePassword: Number(s.must_change_password) === 1,
    roles: roles
      .filter((r) => r.staff_id === s.id)
      .map((r) => ({ role: r.role as Role, scopeOrgUnitId: r.scope_org_unit_id, scopeName: r.scope_name })),
    revision: Number(s.revision),
    allowedActions: staffRowActions(
      actor,
      {
        orgPath: s.org_unit_path,
        grantPaths: roles.filter((r) => r.staff_id === s.id).map((r) => r.scope_path),
      },
      s.phone_enc !== null,
    ),
  };
}
