import type {
  PortalEnterpriseFullView,
  PortalEnterpriseListView,
  PortalEnterpriseView,
} from '../../../../contracts/portal.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { type PortalActor, portalAuditActor } from '../accounts/portal-actor.ts';
import { auditPortal } from '../audit-actions.ts';
import { listMembershipsOf } from '../store/enterprises.ts';
import { presentEnterprise, requireMembership } from './membership.ts';

/** The enterprises the account belongs to (by its number, so also those it was added to before its first log-in) and its role in each. */
export async function listPortalEnterprises(
  platform: Platform,
  actor: PortalActor,
): Promise<PortalEnterpriseListView> {
  const rows = await listMembershipsOf(platform.db, actor.accountId);
  return {
    items: rows.map((r) => ({ enterpriseId: r.id, creditCode: r.credit_code, name: r.name, role: r.role })),
  };
}

/** One enterprise of the account's, masked, with its members; another's is 404 (nothing told). */
export async function getPortalEnterprise(
  platform: Platform,
  actor: PortalActor,
  enterpriseId: string,
): Promise<PortalEnterpriseView> {
  return presentEnterprise(platform.db, await requireMembership(platform.db, { actor, enterpriseId }));
}

/** The enterprise's profile in full, the legal representative decrypted: every such read is audited. */
export async function readPortalEnterprise(
  platform: Platform,
  actor: PortalActor,
  enterpriseId: string,
): Promise<PortalEnterpriseFullView> {
  return inTransaction(platform, async (trx) => {
    const own = await requireMembership(trx, { actor, enterpriseId });
    await auditPortal(platform, trx, {
      actor: portalAuditActor(actor),
      action: 'portal.readEnterprise',
      entityType: 'portal_enterprise',
      entityId: own.id,
      detail: { fields: ['legalRepresentative'], role: own.role },
    });
    return {
      enterpriseId: own.id,
      creditCode: own.credit_code,
      name: own.name,
      legalRepresentative: platform.cipher.decrypt(own.legal_representative_enc),
      address: own.address,
    };
  });
}
