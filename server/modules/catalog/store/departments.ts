import type { Action } from '../../../../contracts/access.ts';
import { type Actor, grantCovers, roleAllows } from '../../../platform/access/policy.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { findOrgUnit, listDescendantIds } from '../../org/index.ts';

/** What the catalogue needs of an implementing department: name and path for scope checks. */
export interface Department {
  id: string;
  name: string;
  path: string;
  kind: string;
  creditCode: string | null;
}

/** Org-unit kinds that may implement items: county departments, the government itself, townships. */
const IMPLEMENTING_KINDS = new Set(['department', 'government', 'township']);

/**
 * Loads an implementing department, or null when it does not exist or cannot implement items.
 * The one place the catalogue reaches into the org module, through its index.ts. The path is read
 * fresh on every check because org units can move.
 */
export async function loadDepartment(db: Executor, id: string): Promise<Department | null> {
  const unit = await findOrgUnit(db, id);
  if (!unit || !IMPLEMENTING_KINDS.has(unit.kind)) return null;
  return { id: unit.id, name: unit.name, path: unit.path, kind: unit.kind, creditCode: unit.credit_code };
}

/**
 * Departments inside the actor's scopes for an action: null when a grant is county-wide (no filter
 * needed), otherwise the ids of every unit under the granted subtrees.
 */
export async function departmentIdsInScope(
  db: Executor,
  actor: Actor,
  action: Action,
): Promise<string[] | null> {
  const grants = actor.grants.filter((g) => roleAllows(g.role, action));
  if (grants.some((g) => grantCovers(g, 'global'))) return null;
  const ids = new Set<string>();
  for (const g of grants) for (const id of await listDescendantIds(db, g.scopeOrgUnitId)) ids.add(id);
  return [...ids];
}
