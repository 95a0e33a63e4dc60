import type { PortalEnterpriseView, RegisterPortalEnterpriseInput } from '../../../../contracts/portal.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { maskName } from '../../../platform/crypto/mask.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors.ts';
import { type PortalActor, portalAuditActor } from '../accounts/portal-actor.ts';
import { auditPortal } from '../audit-actions.ts';
import { findEnterpriseByCreditCode, insertEnterprise, insertMember } from '../store/enterprises.ts';
import { findAccount } from '../store/store.ts';
import { presentEnterprise, requireMembership } from './membership.ts';

/**
 * 企业登记: a real-name-checked citizen (level not `phone`, else 403 PORTAL_REAL_NAME_REQUIRED) whose
 * verified name is the legal representative given (else 403 PORTAL_ENTERPRISE_NOT_REPRESENTATIVE)
 * registers an enterprise by its credit code (checked in form by the schema) and becomes its
 * administrator. One enterprise per credit code (409 PORTAL_ENTERPRISE_TAKEN, also for the second
 * of two registrations at once, which the unique index refuses). The legal representative is
 * stored SM4-encrypted and masked.
 */
export async function registerPortalEnterprise(
  platform: Platform,
  actor: PortalActor,
  input: RegisterPortalEnterpriseInput,
): Promise<PortalEnterpriseView> {
  const account = await findAccount(platform.db, actor.accountId);
  if (!account || account.disabled) throw new AppError('PORTAL_LOGIN_REQUIRED');
  if (account.real_name_level === 'phone') throw new AppError('PORTAL_REAL_NAME_REQUIRED');
  // Only the legal representative in person opens the enterprise's account (probe F3: anyone could
  // otherwise take a company's credit code first); the staff are added by that administrator.
  const verifiedName = account.name_enc === null ? null : platform.cipher.decrypt(account.name_enc);
  if (verifiedName !== input.legalRepresentative.trim()) {
    throw new AppError('PORTAL_ENTERPRISE_NOT_REPRESENTATIVE');
  }
  if (await findEnterpriseByCreditCode(platform.db, input.creditCode)) {
    throw new AppError('PORTAL_ENTERPRISE_TAKEN');
  }
  const registering = inTransaction(platform, async (trx) => {
    const at = new Date().toISOString();
    const id = newId();
    await insertEnterprise(trx, {
      id,
      credit_code: input.creditCode,
      name: input.name,
      legal_representative_enc: platform.cipher.encrypt(input.legalRepresentative),
      legal_representative_masked: maskName(input.legalRepresentative),
      address: input.address,
      registered_by: account.id,
      revision: 1,
      created_at: at,
      updated_at: at,
    });
    const memberId = newId();
    await insertMember(trx, {
      id: memberId,
      enterprise_id: id,
      phone_digest: account.phone_digest,
      phone_masked: account.phone_masked,
      role: 'admin',
      added_by: account.id,
      added_at: at,
    });
    await auditPortal(platform, trx, {
      actor: portalAuditActor(actor),
      action: 'portal.registerEnterprise',
      entityType: 'portal_enterprise',
      entityId: id,
      detail: { creditCode: input.creditCode, memberId, role: 'admin' },
    });
    return presentEnterprise(trx, await requireMembership(trx, { actor, enterpriseId: id }));
  });
  // Two registrations of one code at once: the unique index refuses the second, said as the check would.
  return registering.catch((err: { code?: string }) => {
    const duplicate = err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE';
    throw duplicate ? new AppError('PORTAL_ENTERPRISE_TAKEN') : err;
  });
}
