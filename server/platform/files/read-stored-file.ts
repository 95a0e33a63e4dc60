import type { Platform } from '../context.ts';
import { sm3 } from '../crypto/sm3.ts';
import { AppError } from '../errors.ts';
import { isFileKey } from './file-storage.ts';
import { fileStorage } from './storages.ts';
import { fileRecord, type StoredFileRecord } from './views.ts';

/**
 * A stored file's bytes and record. It checks nothing about who asks: **the owning module must
 * authorise every download** (is this the applicant's own application, the clerk's case?) and
 * **audit it** before it hands the bytes out. A deleted or unknown file is FILE_NOT_FOUND; bytes
 * that no longer match their SM3 digest are an error, never served.
 */
export async function readStoredFile(
  platform: Platform,
  id: string,
): Promise<{ file: StoredFileRecord; bytes: Buffer }> {
  if (!isFileKey(id)) throw new AppError('FILE_NOT_FOUND');
  const row = await platform.db
    .selectFrom('files')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('FILE_NOT_FOUND');
  const bytes = await fileStorage(platform, row.storage as Platform['config']['fileStorage']).get(id);
  if (bytes === null) throw new Error(`file ${id}: its bytes are missing from the ${row.storage} storage`);
  if (sm3(bytes) !== row.sm3) throw new Error(`file ${id}: its bytes no longer match their SM3 digest`);
  return { file: fileRecord(row), bytes };
}
