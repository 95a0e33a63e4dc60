/**
 * The checks of a staff change that read the store (the unit, the grants' scope units, the window)
 * and the stored pair of a phone; the pure rules are in domain/staff-rules.ts.
 */
import type { Role } from '../../../../contracts/access.ts';
import { type Actor, can } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import { maskPhone } from '../../../platform/crypto/mask.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError, say } from '../../../platform/errors.ts';
import type { ResolvedGrant } from '../domain/staff-rules.ts';
import { findOrgUnit, findWindow } from '../store/store.ts';
import type { OrgUnitsTable } from '../store/tables.ts';
import { fieldError } from '../views/present.ts';

/** Loads the scope unit of every requested grant; an unknown unit is a field error at its index. */
export async function resolveGrants(
  db: Executor,
  roles: readonly { role: Role; scopeOrgUnitId: string }[],
): Promise<ResolvedGrant[]> {
  const out: ResolvedGrant[] = [];
  for (const [i, r] of roles.entries()) {
    const unit = await findOrgUnit(db, r.scopeOrgUnitId);
    if (!unit) {
      throw fieldError(
        'VALIDATION_FAILED',
        `body.roles.${i}.scopeOrgUnitId`,
        say('机构不存在', 'No such org unit'),
      );
    }
    out.push({ role: r.role, scopeOrgUnitId: unit.id, scopePath: unit.path });
  }
  return out;
}

/** Loads the org unit a staff member is to work at, or a field error. */
export async function loadStaffUnit(db: Executor, id: string): Promise<OrgUnitsTable> {
  const unit = await findOrgUnit(db, id);
  if (!unit) throw fieldError('VALIDATION_FAILED', 'body.orgUnitId', say('机构不存在', 'No such org unit'));
  return unit;
}

/** A window may be assigned when it exists, is open, and its centre lies in the actor's staff scope. */
export async function checkWindowAssignable(db: Executor, actor: Actor, windowId: string): Promise<void> {
  const win = await findWindow(db, windowId);
  if (win?.active !== 1) {
    throw fieldError('VALIDATION_FAILED', 'body.windowId', say('窗口不存在或已停用', 'No such open window'));
  }
  const centre = await findOrgUnit(db, win.service_centre_id);
  if (!centre || !can(actor, 'staff.manage', { path: centre.path })) {
    throw new AppError('ACCESS_OUT_OF_SCOPE', { windowId });
  }
}

/** The stored pair for a phone: SM4 ciphertext and the masked form lists show. */
export function protectPhone(
  platform: Platform,
  phone: string | null,
): { phone_enc: string | null; phone_masked: string | null } {
  if (!phone) return { phone_enc: null, phone_masked: null };
  return { phone_enc: platform.cipher.encrypt(phone), phone_masked: maskPhone(phone) };
}
