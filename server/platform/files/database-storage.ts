import type { Db } from '../db/index.ts';
import { assertFileKey, type FileStorage } from './file-storage.ts';

/**
 * Files in the database, one `file_blobs` row each (BLOB on SQLite, bytea on PostgreSQL): every
 * process that reaches the database reaches the files, with no shared disk, and a database backup
 * holds them.
 */
export class DatabaseFileStorage implements FileStorage {
  constructor(private readonly db: Db) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    assertFileKey(key);
    await this.db.insertInto('file_blobs').values({ id: key, bytes }).execute();
  }

  async get(key: string): Promise<Buffer | null> {
    assertFileKey(key);
    const row = await this.db
      .selectFrom('file_blobs')
      .select('bytes')
      .where('id', '=', key)
      .executeTakeFirst();
    return row ? Buffer.from(row.bytes) : null;
  }

  async delete(key: string): Promise<void> {
    assertFileKey(key);
    await this.db.deleteFrom('file_blobs').where('id', '=', key).execute();
  }
}
