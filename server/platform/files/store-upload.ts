import type { Platform } from '../context.ts';
import { inTransaction } from '../context.ts';
import { sm3 } from '../crypto/sm3.ts';
import { newId } from '../db/ids.ts';
import type { Executor } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { nowIso } from '../time.ts';
import { checkUpload } from './check-upload.ts';
import { displayName } from './display-name.ts';
import { fileStorage } from './storages.ts';
import { fileView, type StoredFileView } from './views.ts';

export interface StoreUploadInput {
  bytes: Buffer;
  /** The file name the browser sent: shown (sanitised), never used as a path. */
  declaredName: string;
  /** The Content-Type the browser sent: not trusted, only reported back in a type refusal. */
  declaredType?: string;
  /** Who uploads, as the calling module names it: `{ kind: 'portal_account', id }`. */
  owner: { kind: string; id: string };
  /** What the file belongs to (`{ purpose: 'application', id }`): its group for UPLOAD_MAX_GROUP_BYTES. */
  related?: { purpose: string; id: string };
  /**
   * The bytes the group already holds, when the caller keeps the count itself; otherwise the sizes
   * of the group's stored files (not deleted) are summed.
   */
  groupBytesSoFar?: number;
}

/**
 * Checks an upload (type from the content, size, group total, unsafe content), records its SM3
 * digest and writes it through the configured storage (FILE_STORAGE). The bytes are written first
 * and the row after; a failed row removes the bytes again. The caller authorises the upload and
 * audits it in its own terms.
 */
export async function storeUpload(platform: Platform, input: StoreUploadInput): Promise<StoredFileView> {
  const { uploadMaxFileBytes, uploadMaxGroupBytes, fileStorage: storageName } = platform.config;
  const size = input.bytes.length;
  if (size > uploadMaxFileBytes) {
    throw new AppError('FILE_TOO_LARGE', { size, maxBytes: uploadMaxFileBytes });
  }
  const mediaType = checkUpload(input.bytes, input.declaredType);
  const soFar = input.groupBytesSoFar ?? (input.related ? await groupBytes(platform.db, input.related) : 0);
  if (soFar + size > uploadMaxGroupBytes) {
    throw new AppError('FILE_GROUP_TOO_LARGE', { size, groupBytes: soFar, maxBytes: uploadMaxGroupBytes });
  }
  const row = {
    id: newId(),
    owner_kind: input.owner.kind,
    owner_id: input.owner.id,
    purpose: input.related?.purpose ?? null,
    related_id: input.related?.id ?? null,
    original_name: displayName(input.declaredName, mediaType),
    media_type: mediaType,
    size,
    sm3: sm3(input.bytes),
    storage: storageName,
    created_at: nowIso(),
    deleted_at: null,
  };
  const storage = fileStorage(platform, storageName);
  await storage.put(row.id, input.bytes);
  try {
    await inTransaction(platform, (trx) => trx.insertInto('files').values(row).execute());
  } catch (err) {
    await storage.delete(row.id);
    throw err;
  }
  return fileView(row);
}

/** The sizes of a group's files that are not deleted, added up. */
export async function groupBytes(db: Executor, related: { purpose: string; id: string }): Promise<number> {
  const row = await db
    .selectFrom('files')
    .select((eb) => eb.fn.sum<number | string | null>('size').as('total'))
    .where('purpose', '=', related.purpose)
    .where('related_id', '=', related.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}
