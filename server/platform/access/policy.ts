import { type Action, ROLE_ACTIONS, type Role } from '../../../contracts/access.ts';
import { AppError } from '../errors.ts';

/** A role granted over an org-unit subtree; `scopePath` is the materialised path of the scope unit. */
export interface Grant {
  role: Role;
  scopeOrgUnitId: string;
  scopePath: string;
  scopeName: string;
}

/** Whoever is acting: a staff member (with grants) or, later, a citizen or enterprise account. */
export interface Actor {
  accountId: string;
  kind: 'staff' | 'citizen';
  staffId: string | null;
  username: string;
  name: string;
  orgUnitId: string | null;
  grants: readonly Grant[];
  mustChangePassword: boolean;
}

/**
 * What an action is aimed at. `{ path }` is a resource inside an org unit (its materialised path);
 * `'global'` is a county-wide resource (calendar, code lists) that only county-wide grants reach;
 * `'anywhere'` asks whether the actor may do this somewhere (menus, list endpoints that filter by scope).
 */
export type Target = { path: string } | 'global' | 'anywhere';

/** Depth of a materialised path: '/a/' is 1 (the root), '/a/b/' is 2. */
export function pathDepth(path: string): number {
  return path.split('/').length - 2;
}

/** True when a path lies inside (or is) the subtree at `scopePath`; paths end in '/', so '/a/' ∌ '/ab/'. */
export function pathWithin(path: string, scopePath: string): boolean {
  // A malformed scope ('' or '/') would be a prefix of everything: it covers nothing instead.
  return scopePath.length > 2 && scopePath.endsWith('/') && path.startsWith(scopePath);
}

/** True when a role includes an action. */
export function roleAllows(role: Role, action: Action): boolean {
  return (ROLE_ACTIONS[role] as readonly Action[]).includes(action);
}

/** True when a grant covers a target. */
export function grantCovers(grant: Grant, target: Target): boolean {
  if (target === 'anywhere') return true;
  if (target === 'global') return pathDepth(grant.scopePath) === 1;
  return pathWithin(target.path, grant.scopePath);
}

/** Pure policy: may this actor do this action on this target? */
export function can(actor: Actor | null, action: Action, target: Target): boolean {
  if (!actor) return false;
  return actor.grants.some((g) => roleAllows(g.role, action) && grantCovers(g, target));
}

/** Throws 401/403 unless the actor may act; returns the actor for chaining. */
export function authorize(actor: Actor | null, action: Action, target: Target): Actor {
  if (!actor) throw new AppError('AUTH_REQUIRED');
  if (can(actor, action, target)) return actor;
  const anywhere = actor.grants.some((g) => roleAllows(g.role, action));
  throw new AppError(anywhere ? 'ACCESS_OUT_OF_SCOPE' : 'ACCESS_DENIED', { action });
}

/** Scope paths under which the actor may do an action: list queries filter by these prefixes. */
export function scopePathsFor(actor: Actor, action: Action): string[] {
  return actor.grants.filter((g) => roleAllows(g.role, action)).map((g) => g.scopePath);
}

/** True when the actor holds a role over a whole root (the county), not just a subtree. */
export function hasCountyWideRole(actor: Actor | null, role: Role): boolean {
  return actor?.grants.some((g) => g.role === role && pathDepth(g.scopePath) === 1) ?? false;
}

/** Every action the actor may do somewhere: drives the console's menus. */
export function allowedActions(actor: Actor): Action[] {
  const set = new Set<Action>();
  for (const g of actor.grants) for (const a of ROLE_ACTIONS[g.role]) set.add(a);
  return [...set].sort();
}
