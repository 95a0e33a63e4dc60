import type {
  PortalMeView,
  PortalProfileFullView,
  UpdatePortalProfileInput,
  VerifyPortalIdentityInput,
} from '../../../../contracts/portal.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { maskAddress, maskIdNumber, maskName } from '../../../platform/crypto/mask.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditPortal } from '../audit-actions.ts';
import { findAccount, findAccountByIdNumberDigest, updateAccountIfAt } from '../store/store.ts';
import { idNumberDigest } from './digests.ts';
import type { IdentityProvider } from './identity-provider.ts';
import { type PortalActor, portalAuditActor } from './portal-actor.ts';
import { toPortalMe } from './present.ts';
import { endPortalSession } from './sessions.ts';

async function loadOwn(db: Executor, actor: PortalActor) {
  const row = await findAccount(db, actor.accountId);
  if (!row || row.disabled) throw new AppError('PORTAL_LOGIN_REQUIRED');
  return row;
}

export async function getPortalMe(platform: Platform, actor: PortalActor): Promise<PortalMeView> {
  return toPortalMe(await loadOwn(platform.db, actor));
}

/**
 * 实名认证, once per account: the name and ID number (checked in form by the schema), confirmed by
 * the identity provider; stored SM4-encrypted and masked, the number also as its digest. One ID
 * number belongs to one account (409 PORTAL_IDENTITY_TAKEN). Audited without the values.
 */
export async function verifyPortalIdentity(
  platform: Platform,
  actor: PortalActor,
  input: VerifyPortalIdentityInput & { provider: IdentityProvider },
): Promise<PortalMeView> {
  const account = await loadOwn(platform.db, actor);
  if (account.real_name_level !== 'phone') throw new AppError('PORTAL_IDENTITY_DONE');
  const digest = idNumberDigest(platform, input.idNumber);
  if (await findAccountByIdNumberDigest(platform.db, digest)) throw new AppError('PORTAL_IDENTITY_TAKEN');
  const answer = await input.provider.verify({ name: input.name, idNumber: input.idNumber });
  if (!answer.matches) throw new AppError('PORTAL_IDENTITY_REFUSED');
  return inTransaction(platform, async (trx) => {
    const at = new Date().toISOString();
    const set = {
      name_enc: platform.cipher.encrypt(input.name),
      name_masked: maskName(input.name),
      id_number_enc: platform.cipher.encrypt(input.idNumber),
      id_number_masked: maskIdNumber(input.idNumber),
      id_number_digest: digest,
      real_name_level: answer.level,
      identity_provider: input.provider.name,
      identity_checked_at: at,
      updated_at: at,
    };
    const changed = await updateAccountIfAt(trx, { id: account.id, expectedRevision: account.revision, set });
    if (!changed) throw new AppError('PORTAL_STALE_VERSION');
    await auditPortal(platform, trx, {
      actor: portalAuditActor(actor),
      action: 'portal.verifyIdentity',
      entityType: 'portal_account',
      entityId: account.id,
      detail: { level: answer.level, provider: input.provider.name },
    });
    return toPortalMe({ ...account, ...set, revision: account.revision + 1 });
  });
}

/** Changes the address (the one value a citizen edits here); a stale revision is 409. Audited. */
export async function updatePortalProfile(
  platform: Platform,
  actor: PortalActor,
  input: UpdatePortalProfileInput,
): Promise<PortalMeView> {
  return inTransaction(platform, async (trx) => {
    const account = await loadOwn(trx, actor);
    if (account.revision !== input.expectedRevision) throw new AppError('PORTAL_STALE_VERSION');
    const address = input.address === '' ? null : input.address;
    const set = {
      address_enc: address === null ? null : platform.cipher.encrypt(address),
      address_masked: address === null ? null : maskAddress(address),
      updated_at: new Date().toISOString(),
    };
    if (!(await updateAccountIfAt(trx, { id: account.id, expectedRevision: input.expectedRevision, set }))) {
      throw new AppError('PORTAL_STALE_VERSION');
    }
    await auditPortal(platform, trx, {
      actor: portalAuditActor(actor),
      action: 'portal.updateProfile',
      entityType: 'portal_account',
      entityId: account.id,
      detail: { fields: ['address'], revision: input.expectedRevision + 1 },
    });
    return toPortalMe({ ...account, ...set, revision: input.expectedRevision + 1 });
  });
}

/** The owner's own values in full (to check them, to fill a form): every such read is audited. */
export async function readPortalProfile(
  platform: Platform,
  actor: PortalActor,
): Promise<PortalProfileFullView> {
  return inTransaction(platform, async (trx) => {
    const account = await loadOwn(trx, actor);
    await auditPortal(platform, trx, {
      actor: portalAuditActor(actor),
      action: 'portal.readProfile',
      entityType: 'portal_account',
      entityId: account.id,
      detail: { fields: ['phone', 'name', 'idNumber', 'address'] },
    });
    const open = (v: string | null) => (v === null ? null : platform.cipher.decrypt(v));
    return {
      phone: platform.cipher.decrypt(account.phone_enc),
      name: open(account.name_enc),
      idNumber: open(account.id_number_enc),
      address: open(account.address_enc),
    };
  });
}

/** Logs out: the session ends; audited. */
export async function logOutOfPortal(platform: Platform, actor: PortalActor): Promise<void> {
  await inTransaction(platform, async (trx) => {
    await endPortalSession(trx, actor.sessionId);
    await auditPortal(platform, trx, {
      actor: portalAuditActor(actor),
      action: 'portal.logout',
      entityType: 'portal_account',
      entityId: actor.accountId,
    });
  });
}
