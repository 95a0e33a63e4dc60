import type { Platform } from '../context.ts';
import { inTransaction } from '../context.ts';
import { AppError } from '../errors.ts';
import { nowIso } from '../time.ts';
import { isFileKey } from './file-storage.ts';
import { fileStorage } from './storages.ts';

/**
 * Deletes a stored file: its row is marked `deleted_at` (kept, with its name, size and digest, for
 * the record) and its bytes are removed from their storage. Deleting it again does nothing; an
 * unknown id is FILE_NOT_FOUND. The caller authorises and audits.
 */
export async function deleteStoredFile(platform: Platform, id: string): Promise<void> {
  if (!isFileKey(id)) throw new AppError('FILE_NOT_FOUND');
  const row = await inTransaction(platform, async (trx) => {
    const found = await trx
      .selectFrom('files')
      .select(['storage', 'deleted_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!found) throw new AppError('FILE_NOT_FOUND');
    if (found.deleted_at === null) {
      await trx.updateTable('files').set({ deleted_at: nowIso() }).where('id', '=', id).execute();
    }
    return found;
  });
  // After the commit: a file marked deleted is never served, even if removing its bytes fails.
  await fileStorage(platform, row.storage as Platform['config']['fileStorage']).delete(id);
}
