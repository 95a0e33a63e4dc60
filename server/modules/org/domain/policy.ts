import type { Role } from '../../../../contracts/access.ts';
import {
  ORG_UNIT_ROW_ACTIONS,
  type OrgUnitKind,
  STAFF_ROW_ACTIONS,
  type StaffRowAction,
  WINDOW_HOST_KINDS,
  WINDOW_ROW_ACTIONS,
} from '../../../../contracts/org.ts';
import { type Actor, authorize, can, hasCountyWideRole } from '../../../platform/access/policy.ts';
import { AppError } from '../../../platform/errors.ts';

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

/**
 * Where a window belongs: the centre that hosts it and, for a department's window (a specialist
 * window names one), that department. A window is the department's counter as much as the centre's,
 * so whoever opens, edits or closes it needs window.manage over both: a township's administrator
 * cannot open a 公安局 window in the township's centre, only someone whose scope covers 公安局 too.
 */
export interface WindowPlace {
  centrePath: string;
  departmentPath: string | null;
}

function windowPlacePaths(place: WindowPlace): string[] {
  return place.departmentPath ? [place.centrePath, place.departmentPath] : [place.centrePath];
}

/** The actor when it may manage a window at this place; ACCESS_OUT_OF_SCOPE otherwise. */
export function authorizeWindowManage(actor: Actor, place: WindowPlace): Actor {
  let who = authorize(actor, 'window.manage', { path: place.centrePath });
  for (const path of windowPlacePaths(place)) who = authorize(who, 'window.manage', { path });
  return who;
}

/** What the actor may do to a window at this place, by the rule the use cases apply. */
export function windowRowActions(actor: Actor, place: WindowPlace): WindowRowAction[] {
  const manage = windowPlacePaths(place).every((path) => can(actor, 'window.manage', { path }));
  return WINDOW_ROW_ACTIONS.filter(() => manage);
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
  actor: Actor,
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
