import type { Role } from '../../../contracts/access.ts';
import {
  ORG_UNIT_ROW_ACTIONS,
  type OrgUnitKind,
  STAFF_ROW_ACTIONS,
  type StaffRowAction,
  WINDOW_HOST_KINDS,
  WINDOW_ROW_ACTIONS,
} from '../../../contracts/org.ts';
import { type Actor, authorize, can, hasCountyWideRole } from '../../platform/access/policy.ts';
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

/**
 * Where a staff member's power reaches: the unit they sit in and the scope of every grant they hold.
 * Whoever manages them (edits, deactivates, resets the password, reads the phone) must hold the right
 * over every one of these, not only over their unit: otherwise a township's administrator could take
 * over a county-wide supervisor who happens to sit in the township.
 */
export interface StaffReach {
  orgPath: string;
  grantPaths: readonly string[];
}

function reachPaths(reach: StaffReach): string[] {
  return [reach.orgPath, ...reach.grantPaths];
}

/** True when the actor may do `action` over the whole of a staff member's reach. */
export function mayActOverStaff(
  actor: Actor,
  action: 'staff.manage' | 'staff.readPersonal',
  reach: StaffReach,
): boolean {
  return reachPaths(reach).every((path) => can(actor, action, { path }));
}

/** The actor when it may do `action` over the whole of a staff member's reach; ACCESS_OUT_OF_SCOPE otherwise. */
export function authorizeOverStaff(
  actor: Actor | null,
  action: 'staff.manage' | 'staff.readPersonal',
  reach: StaffReach,
): Actor {
  let who = authorize(actor, action, { path: reach.orgPath });
  for (const path of reach.grantPaths) who = authorize(who, action, { path });
  return who;
}

/** What the actor may do to a staff member, by the same rule the use cases apply. */
export function staffRowActions(actor: Actor, reach: StaffReach, hasPhone: boolean): StaffRowAction[] {
  const manage = mayActOverStaff(actor, 'staff.manage', reach);
  const allowed: Record<StaffRowAction, boolean> = {
    update: manage,
    resetPassword: manage,
    readPhone: hasPhone && mayActOverStaff(actor, 'staff.readPersonal', reach),
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
