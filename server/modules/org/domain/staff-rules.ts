/** Pure rules of staff changes; the checks that read the store are in staff/staff-checks.ts. */
import type { Role } from '../../../../contracts/access.ts';

/** A requested grant with its scope unit's path. */
export interface ResolvedGrant {
  role: Role;
  scopeOrgUnitId: string;
  scopePath: string;
}

/** Grants in `a` that are not in `b` (same role over the same unit). */
export function grantsMissingFrom<T extends { role: Role; scopeOrgUnitId: string }>(
  a: readonly T[],
  b: readonly { role: Role; scopeOrgUnitId: string }[],
): T[] {
  return a.filter((x) => !b.some((y) => y.role === x.role && y.scopeOrgUnitId === x.scopeOrgUnitId));
}
