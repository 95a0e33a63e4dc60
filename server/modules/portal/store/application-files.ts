import type { Executor } from '../../../platform/db/index.ts';
import { portalDb } from './store.ts';
import type { PortalApplicationFilesTable } from './tables.ts';

/** The queries of the files linked to online applications (table `portal_application_files`). */

export async function insertApplicationFile(db: Executor, row: PortalApplicationFilesTable): Promise<void> {
  await portalDb(db).insertInto('portal_application_files').values(row).execute();
}

/** An application's files, oldest first. */
export function listApplicationFiles(db: Executor, applicationId: string) {
  return portalDb(db)
    .selectFrom('portal_application_files')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('uploaded_at')
    .orderBy('file_id')
    .execute();
}

/** One file of an application, or undefined (a file of another application is not found either). */
export function findApplicationFile(db: Executor, link: { applicationId: string; fileId: string }) {
  return portalDb(db)
    .selectFrom('portal_application_files')
    .selectAll()
    .where('application_id', '=', link.applicationId)
    .where('file_id', '=', link.fileId)
    .executeTakeFirst();
}

/** Removes a file's link; false when it was not there (removed at the same moment by another request). */
export async function deleteApplicationFile(
  db: Executor,
  link: { applicationId: string; fileId: string },
): Promise<boolean> {
  const res = await portalDb(db)
    .deleteFrom('portal_application_files')
    .where('application_id', '=', link.applicationId)
    .where('file_id', '=', link.fileId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/**
 * Marks a draft as changed now, if it is still a draft: false once it is submitted. On PostgreSQL
 * the row stays locked until the transaction ends, so a submission waits for the file change.
 */
export async function touchDraft(db: Executor, change: { id: string; at: string }): Promise<boolean> {
  const res = await portalDb(db)
    .updateTable('portal_applications')
    .set({ updated_at: change.at })
    .where('id', '=', change.id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
