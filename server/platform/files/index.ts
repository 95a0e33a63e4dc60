/** What other parts use of files: store an upload, read and delete a stored file (README.md). */

export { DatabaseFileStorage } from './database-storage.ts';
export { deleteStoredFile } from './delete-stored-file.ts';
export { DiskFileStorage } from './disk-storage.ts';
export { type FileStorage, isFileKey } from './file-storage.ts';
export { ALLOWED_MEDIA_TYPES, type AllowedMediaType, detectMediaType } from './media-type.ts';
export { readStoredFile } from './read-stored-file.ts';
export { fileStorage } from './storages.ts';
export { groupBytes, type StoreUploadInput, storeUpload } from './store-upload.ts';
export type { StoredFileRecord, StoredFileView } from './views.ts';
