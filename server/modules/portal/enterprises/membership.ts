import type { PortalEnterpriseView } from '../../../../contracts/portal.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { PortalActor } from '../accounts/portal-actor.ts';
import { findMembership, listMembers } from '../store/enterprises.ts';
import { findAccount } from '../store/store.ts';

export type Membership = NonNullable<Awaited<ReturnType<typeof findMembership>>>;

/**
 * The enterprise the actor acts for, with its role there; read on every request (no cache), so a
 * removed member's next request is refused. Not a member, or no such enterprise: the same 404,
 * so nothing is told about another account's enterprise.
 */
export async function requireMembership(
  db: Executor,
  who: { actor: PortalActor; enterpriseId: string },
): Promise<Membership> {
  const membership = await findMembership(db, {
    accountId: who.actor.accountId,
    enterpriseId: who.enterpriseId,
  });
  if (!membership) throw new AppError('PORTAL_ENTERPRISE_NOT_FOUND');
  return membership;
}

/** As `requireMembership`, and the actor must be a real-name-checked administrator of it (403 otherwise). */
export async function requireAdministrator(
  db: Executor,
  who: { actor: PortalActor; enterpriseId: string },
): Promise<Membership> {
  const membership = await requireMembership(db, who);
  if (membership.role !== 'admin') throw new AppError('PORTAL_ENTERPRISE_ADMIN_ONLY');
  // An administrator added by number acts only once its owner has proved who they are (probe F6).
  const account = await findAccount(db, who.actor.accountId);
  if (!account || account.real_name_level === 'phone') throw new AppError('PORTAL_REAL_NAME_REQUIRED');
  return membership;
}

/** The enterprise as a member sees it: the representative masked, the members' numbers masked. */
export async function presentEnterprise(db: Executor, membership: Membership): Promise<PortalEnterpriseView> {
  const members = await listMembers(db, membership.id);
  return {
    enterpriseId: membership.id,
    creditCode: membership.credit_code,
    name: membership.name,
    role: membership.role,
    legalRepresentativeMasked: membership.legal_representative_masked,
    address: membership.address,
    revision: membership.revision,
    createdAt: membership.created_at,
    members: members.map((m) => ({
      memberId: m.id,
      phoneMasked: m.phone_masked,
      role: m.role,
      you: m.phone_digest === membership.phone_digest,
      addedAt: m.added_at,
    })),
  };
}
