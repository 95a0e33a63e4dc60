import { randomFillSync } from 'node:crypto';

/**
 * New opaque id for any row: a UUID version 7 (RFC 9562) as text, the same on both dialects.
 *
 * Why not random (v4): an index on a random key puts each new row on a random leaf page, so every
 * insert dirties a page of its own, and a commit writes (and the WAL flushes) one 4 KB page per row
 * per such index. Version 7 ids start with the millisecond they were made, so the rows written in
 * the same seconds — a batch's notifications, jobs, and the actions of the cases opened in the
 * last minutes, which are keyed by case id — share the last pages of each index. Still 62 random
 * bits per id (not meant as a secret: ids are never the only check on a read); the creation time
 * they show is on the row anyway. Within one millisecond a counter keeps this process's ids in
 * order (RFC 9562 §6.2, method 1).
 */
export function newId(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    // Start each millisecond at a random counter value in the lower half, leaving room to count.
    counter = nextRandom() & 0x7ff;
  } else {
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
    ms = lastMs;
  }
  const timeHex = ms.toString(16).padStart(12, '0');
  const randA = (0x7000 | counter).toString(16);
  const variant = (0x8000 | (nextRandom() & 0x3fff)).toString(16);
  const tail = hex16(nextRandom()) + hex16(nextRandom()) + hex16(nextRandom());
  return `${timeHex.slice(0, 8)}-${timeHex.slice(8)}-${randA}-${variant}-${tail}`;
}

let lastMs = 0;
let counter = 0;

// Random 16-bit values drawn from a buffer refilled in blocks: one system call per 512 ids.
const pool = new Uint16Array(2048);
let poolAt = pool.length;

function nextRandom(): number {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  return pool[poolAt++] as number;
}

function hex16(v: number): string {
  return v.toString(16).padStart(4, '0');
}
