import { randomUUID } from 'node:crypto';

/** New opaque id for any row (UUID v4 text, the same on both dialects). */
export function newId(): string {
  return randomUUID();
}
