import type { AddPortalEnterpriseMemberInput, PortalEnterpriseView } from '../../../../contracts/portal.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { maskPhone } from '../../../platform/crypto/mask.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors.ts';
import { phoneDigest } from '../accounts/digests.ts';
import { type PortalActor, portalAuditActor } from '../accounts/portal-actor.ts';
import { auditPortal } from '../audit-actions.ts';
import {
  countAdministrators,
  deleteMember,
  findMember,
  findMemberByPhoneDigest,
  insertMember,
  lockEnterprise,
} from '../store/enterprises.ts';
import { presentEnterprise, requireAdministrator } from './membership.ts';

/**
 * The administrator adds a member by mobile number (staff by default). The number need not have
 * an account: it is kept as its digest, so the account is a member from its first log-in. Whether
 * the number has an account is not told (the code request does not tell it either). Audited.
 */
export async function addPortalEnterpriseMember(
  platform: Platform,
  actor: PortalActor,
  input: AddPortalEnterpriseMemberInput & { enterpriseId: string },
): Promise<PortalEnterpriseView> {
  return inTransaction(platform, async (trx) => {
    await lockEnterprise(trx, { id: input.enterpriseId, dialect: platform.dialect });
    const own = await requireAdministrator(trx, { actor, enterpriseId: input.enterpriseId });
    const digest = phoneDigest(platform, input.phone);
    if (await findMemberByPhoneDigest(trx, { enterpriseId: own.id, phoneDigest: digest })) {
      throw new AppError('PORTAL_ENTERPRISE_MEMBER_EXISTS');
    }
    const memberId = newId();
    await insertMember(trx, {
      id: memberId,
      enterprise_id: own.id,
      phone_digest: digest,
      phone_masked: maskPhone(input.phone),
      role: input.role,
      added_by: actor.accountId,
      added_at: new Date().toISOString(),
    });
    await auditPortal(platform, trx, {
      actor: portalAuditActor(actor),
      action: 'portal.addEnterpriseMember',
      entityType: 'portal_enterprise',
      entityId: own.id,
      detail: { memberId, role: input.role },
    });
    return presentEnterprise(trx, own);
  });
}

/**
 * The administrator removes a member (itself too, while another administrator remains): the last
 * administrator cannot be removed (409). The removed number's next request for the enterprise is
 * refused (membership is read on every request). Taken one at a time per enterprise. Audited.
 */
export async function removePortalEnterpriseMember(
  platform: Platform,
  actor: PortalActor,
  target: { enterpriseId: string; memberId: string },
): Promise<void> {
  return inTransaction(platform, async (trx) => {
    await lockEnterprise(trx, { id: target.enterpriseId, dialect: platform.dialect });
    const own = await requireAdministrator(trx, { actor, enterpriseId: target.enterpriseId });
    const member = await findMember(trx, { enterpriseId: own.id, memberId: target.memberId });
    if (!member) throw new AppError('PORTAL_ENTERPRISE_MEMBER_NOT_FOUND');
    if (member.role === 'admin' && (await countAdministrators(trx, own.id)) <= 1) {
      throw new AppError('PORTAL_ENTERPRISE_LAST_ADMIN');
    }
    await deleteMember(trx, member.id);
    await auditPortal(platform, trx, {
      actor: portalAuditActor(actor),
      action: 'portal.removeEnterpriseMember',
      entityType: 'portal_enterprise',
      entityId: own.id,
      detail: { memberId: member.id, role: member.role },
    });
  });
}
