import type {
  OnlineApplicationView,
  SubmitApplicationInput,
} from '../../../../contracts/portal-applications.ts';
import type { Platform } from '../../../platform/context.ts';
import { fromJson } from '../../../platform/db/json.ts';
import { AppError } from '../../../platform/errors.ts';
import { nowIso } from '../../../platform/time.ts';
import { loadCaseSettings, receiveOnlineApplication } from '../../cases/index.ts';
import type { PortalActor } from '../accounts/portal-actor.ts';
import { portalAuditActor } from '../accounts/portal-actor.ts';
import { auditPortal } from '../audit-actions.ts';
import { findOwnApplication, markSubmittedIfAt } from '../store/store.ts';
import { profileOf, verifiedAccount, viewOf } from './drafts.ts';
import { formOf } from './present.ts';

/**
 * 网上提交: the applicant's own complete draft becomes a case of the cases module (channel
 * `online`, received at the county centre for 网上预审), and the draft is marked submitted with the
 * case's id and number, in the same transaction as the case (both or neither). Own draft only
 * (404), still a draft (409 PORTAL_APPLICATION_SUBMITTED), at the revision read (409
 * PORTAL_STALE_VERSION), complete (409 PORTAL_APPLICATION_INCOMPLETE listing the required fields
 * and materials still missing). A retry, or a second submit racing the first, never receives a
 * second case: the cases module receives one case per application (its intake key).
 */
export async function submitApplication(
  platform: Platform,
  actor: PortalActor,
  input: SubmitApplicationInput & { id: string },
): Promise<OnlineApplicationView> {
  const row = await findOwnApplication(platform.db, { accountId: actor.accountId, id: input.id });
  if (!row) throw new AppError('PORTAL_APPLICATION_NOT_FOUND', { id: input.id });
  if (row.status !== 'draft') throw new AppError('PORTAL_APPLICATION_SUBMITTED');
  if (row.revision !== input.expectedRevision) throw new AppError('PORTAL_STALE_VERSION');
  const account = await verifiedAccount(platform.db, actor);
  const draft = await viewOf(platform, { db: platform.db, row });
  if (draft.missingFields.length > 0 || draft.missingMaterials.length > 0) {
    throw new AppError('PORTAL_APPLICATION_INCOMPLETE', {
      missingFields: draft.missingFields,
      missingMaterials: draft.missingMaterials,
    });
  }
  const profile = profileOf(platform, account);
  if (!profile.name || !profile.idNumber) throw new AppError('PORTAL_REAL_NAME_REQUIRED');
  const at = nowIso();
  // The files of the materials that apply (those of a material no longer applying stay with the draft).
  const materials = draft.materials
    .filter((m) => m.files.length > 0)
    .map((m) => ({ materialId: m.materialId, fileIds: m.files.map((f) => f.id) }));
  const received = await receiveOnlineApplication(platform, {
    applicationId: row.id,
    itemId: row.item_id,
    applicant: {
      name: profile.name,
      idNumber: profile.idNumber,
      phone: profile.phone,
      ...(profile.address ? { address: profile.address } : {}),
    },
    form: formOf(platform, row) as Parameters<typeof receiveOnlineApplication>[1]['form'],
    situations: fromJson<Record<string, string[]>>(row.situations, {}),
    materials,
    portal: { accountId: actor.accountId, phoneMasked: actor.phoneMasked },
    settings: loadCaseSettings(platform.config.source),
    now: at,
    alongside: async (trx, found) => {
      const change = { id: row.id, expectedRevision: input.expectedRevision, at };
      if (!(await markSubmittedIfAt(trx, { ...change, caseId: found.caseId, caseNumber: found.number }))) {
        // Saved or submitted meanwhile: nothing is received (the case rolls back with this).
        const now = await findOwnApplication(trx, { accountId: actor.accountId, id: row.id });
        throw new AppError(now?.status === 'draft' ? 'PORTAL_STALE_VERSION' : 'PORTAL_APPLICATION_SUBMITTED');
      }
      await auditPortal(platform, trx, {
        actor: portalAuditActor(actor),
        action: 'portal.submitApplication',
        entityType: 'portal_application',
        entityId: row.id,
        detail: {
          caseId: found.caseId,
          caseNumber: found.number,
          revision: input.expectedRevision + 1,
          materials: materials.map((m) => m.materialId),
          files: materials.reduce((n, m) => n + m.fileIds.length, 0),
        },
      });
    },
  });
  const submitted = {
    ...row,
    status: 'submitted' as const,
    case_id: received.caseId,
    case_number: received.number,
    submitted_at: at,
    updated_at: at,
    revision: input.expectedRevision + 1,
  };
  return viewOf(platform, { db: platform.db, row: submitted });
}
