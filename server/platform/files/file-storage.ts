import { AppError } from '../errors.ts';

/** Where the bytes of stored files live, by key (a file's id). The `files` row says which storage. */
export interface FileStorage {
  /** Writes the bytes under a new key; returns once they are durable. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes of a key, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes a key's bytes; a key without bytes is no error. */
  delete(key: string): Promise<void>;
}

/** A key is a file id (a UUID as newId() makes it, lower-case): nothing else ever reaches a storage. */
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isFileKey(key: string): boolean {
  return KEY.test(key);
}

/** Refuses anything that is not a file id, before it is used as a path or a row key. */
export function assertFileKey(key: string): void {
  if (!isFileKey(key)) throw new AppError('FILE_KEY_INVALID');
}
