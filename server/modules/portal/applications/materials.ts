import type { OnlineApplicationView } from '../../../../contracts/portal-applications.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { deleteStoredFile, readStoredFile, storeUpload } from '../../../platform/files/index.ts';
import { nowIso } from '../../../platform/time.ts';
import type { PortalActor } from '../accounts/portal-actor.ts';
import { portalAuditActor } from '../accounts/portal-actor.ts';
import { auditPortal } from '../audit-actions.ts';
import {
  deleteApplicationFile,
  findApplicationFile,
  insertApplicationFile,
  touchDraft,
} from '../store/application-files.ts';
import { findOwnApplication } from '../store/store.ts';
import type { PortalApplicationsTable } from '../store/tables.ts';
import { documentOf, viewOf } from './drafts.ts';
import { applicableMaterialIds } from './present.ts';

/** The group of a stored file of an application: its files count together against UPLOAD_MAX_GROUP_BYTES. */
export const APPLICATION_FILE_PURPOSE = 'portal_application';

/** A file as the browser sent it: bytes, name and type (the name is only shown, the type not trusted). */
export interface MaterialUpload {
  bytes: Buffer;
  name: string;
  type?: string;
}

async function ownApplication(
  platform: Platform,
  own: { actor: PortalActor; id: string },
): Promise<PortalApplicationsTable> {
  const row = await findOwnApplication(platform.db, { accountId: own.actor.accountId, id: own.id });
  if (!row) throw new AppError('PORTAL_APPLICATION_NOT_FOUND', { id: own.id });
  return row;
}

async function ownDraft(platform: Platform, own: { actor: PortalActor; id: string }) {
  const row = await ownApplication(platform, own);
  if (row.status !== 'draft') throw new AppError('PORTAL_APPLICATION_SUBMITTED');
  return row;
}

/**
 * Uploads a file for one material of the account's own draft: the material must apply to the
 * situations chosen (else 400 PORTAL_MATERIAL_NOT_APPLICABLE naming it); the file is checked and
 * stored by platform/files (its FILE_ refusals), in the application's group. The link is recorded
 * and audited (ids, type and size: never the name, which may be personal) in one transaction with
 * the check that the application is still a draft; if that fails the stored file is deleted again.
 */
export async function uploadMaterial(
  platform: Platform,
  actor: PortalActor,
  input: { id: string; materialId: string; upload: MaterialUpload },
): Promise<OnlineApplicationView> {
  const row = await ownDraft(platform, { actor, id: input.id });
  const doc = await documentOf(platform.db, row);
  if (!applicableMaterialIds(doc, row).has(input.materialId)) {
    throw new AppError('PORTAL_MATERIAL_NOT_APPLICABLE', { materialId: input.materialId });
  }
  const stored = await storeUpload(platform, {
    bytes: input.upload.bytes,
    declaredName: input.upload.name,
    declaredType: input.upload.type,
    owner: { kind: 'portal_account', id: actor.accountId },
    related: { purpose: APPLICATION_FILE_PURPOSE, id: row.id },
  });
  const at = nowIso();
  try {
    return await inTransaction(platform, async (trx) => {
      if (!(await touchDraft(trx, { id: row.id, at }))) throw new AppError('PORTAL_APPLICATION_SUBMITTED');
      await insertApplicationFile(trx, {
        file_id: stored.id,
        application_id: row.id,
        material_id: input.materialId,
        file_name: stored.name,
        media_type: stored.mediaType,
        size: stored.size,
        uploaded_at: stored.createdAt,
      });
      await auditPortal(platform, trx, {
        actor: portalAuditActor(actor),
        action: 'portal.uploadMaterial',
        entityType: 'portal_application',
        entityId: row.id,
        detail: {
          fileId: stored.id,
          materialId: input.materialId,
          mediaType: stored.mediaType,
          size: stored.size,
        },
      });
      return viewOf(platform, { db: trx, row: { ...row, updated_at: at } });
    });
  } catch (err) {
    // The link was not recorded: the stored file is nobody's, delete it (the refusal is what counts).
    await deleteStoredFile(platform, stored.id).catch(() => undefined);
    throw err;
  }
}

/**
 * Removes a file from the account's own draft: the link and the stored file (its row kept by
 * platform/files as deleted, its bytes removed). Audited. Submitted: 409; unknown file: 404.
 */
export async function removeMaterialFile(
  platform: Platform,
  actor: PortalActor,
  input: { id: string; fileId: string },
): Promise<OnlineApplicationView> {
  const row = await ownDraft(platform, { actor, id: input.id });
  const link = { applicationId: row.id, fileId: input.fileId };
  const at = nowIso();
  const view = await inTransaction(platform, async (trx) => {
    if (!(await touchDraft(trx, { id: row.id, at }))) throw new AppError('PORTAL_APPLICATION_SUBMITTED');
    const file = await findApplicationFile(trx, link);
    if (!file || !(await deleteApplicationFile(trx, link))) {
      throw new AppError('PORTAL_APPLICATION_FILE_NOT_FOUND', { fileId: input.fileId });
    }
    await auditPortal(platform, trx, {
      actor: portalAuditActor(actor),
      action: 'portal.removeMaterial',
      entityType: 'portal_application',
      entityId: row.id,
      detail: { fileId: file.file_id, materialId: file.material_id },
    });
    return viewOf(platform, { db: trx, row: { ...row, updated_at: at } });
  });
  // After the commit: the link is gone, so the file is never served again even if this fails.
  await deleteStoredFile(platform, input.fileId);
  return view;
}

/**
 * A file of the account's own application (draft or submitted), for download: another account's
 * application or file is 404, revealing nothing. Every download is audited before the bytes leave.
 */
export async function downloadMaterialFile(
  platform: Platform,
  actor: PortalActor,
  input: { id: string; fileId: string },
): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
  const row = await ownApplication(platform, { actor, id: input.id });
  const link = await findApplicationFile(platform.db, { applicationId: row.id, fileId: input.fileId });
  if (!link) throw new AppError('PORTAL_APPLICATION_FILE_NOT_FOUND', { fileId: input.fileId });
  const { file, bytes } = await readStoredFile(platform, link.file_id);
  if (file.related?.purpose !== APPLICATION_FILE_PURPOSE || file.related.id !== row.id) {
    throw new Error(`file ${file.id} is linked to application ${row.id} but stored for another`);
  }
  await inTransaction(platform, (trx) =>
    auditPortal(platform, trx, {
      actor: portalAuditActor(actor),
      action: 'portal.downloadMaterial',
      entityType: 'portal_application',
      entityId: row.id,
      detail: { fileId: file.id, materialId: link.material_id, mediaType: file.mediaType, size: file.size },
    }),
  );
  return { name: file.name, mediaType: file.mediaType, bytes };
}
