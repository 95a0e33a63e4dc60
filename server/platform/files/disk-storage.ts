import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { assertFileKey, type FileStorage } from './file-storage.ts';

/**
 * Files on the local disk, under a root (DATA_DIR/files): `<root>/<2 hex>/<2 hex>/<id>`, the two
 * levels taken from the id's random end (its start is the clock, alike for files of the same
 * minutes), so no directory grows past a few thousand entries. The path is built from the id alone
 * and a key that is not an id is refused (FILE_KEY_INVALID), so no path can leave the root.
 * Directories are 0700 and files 0600; a write goes to a temporary name, is flushed, then renamed,
 * so a crash leaves either the whole file or none.
 */
export class DiskFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  /** Where a key's bytes live. */
  pathOf(key: string): string {
    assertFileKey(key);
    return path.join(this.root, key.slice(-2), key.slice(-4, -2), key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.pathOf(key);
    const dir = path.dirname(file);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const temporary = `${file}.tmp`;
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    const directory = await open(dir, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
