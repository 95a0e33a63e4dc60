import path from 'node:path';
import type { Config } from '../config.ts';
import type { Platform } from '../context.ts';
import { DatabaseFileStorage } from './database-storage.ts';
import { DiskFileStorage } from './disk-storage.ts';
import type { FileStorage } from './file-storage.ts';

export type FileStorageName = Config['fileStorage'];

/** The storage of a name: `disk` under DATA_DIR/files, `database` in the `file_blobs` table. */
export function fileStorage(platform: Platform, name: FileStorageName): FileStorage {
  return name === 'disk'
    ? new DiskFileStorage(path.join(platform.config.dataDir, 'files'))
    : new DatabaseFileStorage(platform.db);
}
