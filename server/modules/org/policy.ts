import type { Role } from '../../../contracts/access.ts';
import {
  ORG_UNIT_ROW_ACTIONS,
  type OrgUnitKind,
  STAFF_ROW_ACTIONS,
  type StaffRowAction,
  WINDOW_HOST_KINDS,
  WINDOW_ROW_ACTIONS,
} from '../../../contracts/org.ts';
import { type Actor, can, hasCountyWideRole } from '../../platform/access/policy.ts';
import { AppError } from '../../platform/errors.ts';

type OrgUnitRowAction = (typeof ORG_UNIT_ROW_ACTIONS)[number];
type WindowRowAction = (typeof WINDOW_ROW_ACTIONS)[number];

/** What the actor may do to an org unit; the same checks the use cases make. */
export function orgUnitRowActions(
  actor: Actor,
  unit: { path: string; parentId: string | null; kind: string },
): OrgUnitRowAction[] {
  const manage = can(actor, 'org.manage', { path: unit.path });
  const allowed: Record<OrgUnitRowAction, boolean> = {
    update: manage,
    // A root is never deleted through the API: a county without its government makes no sense.
    delete: manage && unit.parentId !== null,
    createChild: manage,
    manageWindows:
      WINDOW_HOST_KINDS.includes(unit.kind as OrgUnitKind) &&
      can(actor, 'window.manage', { path: unit.path }),
  };
  return ORG_UNIT_ROW_ACTIONS.filter((a) => allowed[a]);
}

/** What the actor may do to a window of a centre at `centrePath`. */
export function windowRowActions(actor: Actor, centrePath: string): WindowRowAction[] {
  return WINDOW_ROW_ACTIONS.filter(() => can(actor, 'window.manage', { path: centrePath }));
}

/** What the actor may do to a staff member working at `orgPath`. */
export function staffRowActions(actor: Actor, orgPath: string, hasPhone: boolean): StaffRowAction[] {
  const manage = can(actor, 'staff.manage', { path: orgPath });
  const allowed: Record<StaffRowAction, boolean> = {
    update: manage,
    resetPassword: manage,
    readPhone: hasPhone && can(actor, 'staff.readPersonal', { path: orgPath }),
  };
  return STAFF_ROW_ACTIONS.filter((a) => allowed[a]);
}

/**
 * Refuses (ACCESS_OUT_OF_SCOPE) a change to role grants the actor could not make: every grant added
 * or removed must lie inside the actor's staff.manage scope, and system_admin is granted or taken
 * away only by a county-wide system administrator, so a township's administrator cannot mint peers.
 */
export function assertMayChangeGrants(
  actor: Actor,
  changed: readonly { role: Role; scopePath: string; scopeOrgUnitId: string }[],
): void {
  for (const g of changed) {
    if (g.role === 'system_admin' && !hasCountyWideRole(actor, 'system_admin')) {
      throw new AppError('ACCESS_OUT_OF_SCOPE', { role: g.role, scopeOrgUnitId: g.scopeOrgUnitId });
    }
    if (!can(actor, 'staff.manage', { path: g.scopePath })) {
      throw new AppError('ACCESS_OUT_OF_SCOPE', { role: g.role, scopeOrgUnitId: g.scopeOrgUnitId });
    }
  }
}
