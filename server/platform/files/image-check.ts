/**
 * Why an upload was found unsafe (the error's details say it; see README.md for what is and is not
 * checked).
 */
export type UnsafeReason =
  | 'malformed'
  | 'trailingData'
  | 'embeddedMarkup'
  | 'pdfActiveContent'
  | 'pdfUninspectable';

export interface UnsafeFinding {
  reason: UnsafeReason;
  /** What was found: the markup or PDF name, when there is one. */
  found?: string;
}

/**
 * Markup a browser or a PHP interpreter would act on, anywhere in an image's bytes. `<svg` and
 * `<html` must be followed by a space, `>` or `/` as in a real tag: four random bytes of compressed
 * pixel data match `<svg` alone about twice in a 10 MB photo in a hundred, with the fifth byte about
 * once in five thousand.
 */
const MARKUP = /<script|<\?php|<html[\s>/]|<svg[\s>/]/i;

/**
 * A JPEG or PNG is refused when it does not parse to its end marker, carries bytes after it (a zip,
 * a script, a second file appended — the classic polyglot), or contains markup anywhere.
 */
export function checkImage(bytes: Buffer, type: 'image/jpeg' | 'image/png'): UnsafeFinding | null {
  const end = type === 'image/png' ? pngEnd(bytes) : jpegEnd(bytes);
  if (end === null) return { reason: 'malformed' };
  if (end !== bytes.length) return { reason: 'trailingData' };
  const markup = MARKUP.exec(bytes.toString('latin1'));
  if (markup) return { reason: 'embeddedMarkup', found: markup[0].trim().replace(/[>/]$/, '') };
  return null;
}

/**
 * Where a PNG's IEND chunk ends: the chunks are walked by their lengths from the signature, the first
 * must be IHDR, each type four ASCII letters, and an IDAT must come before IEND. Null when the walk
 * fails. (Chunk CRCs are not checked.)
 */
export function pngEnd(bytes: Buffer): number | null {
  let at = 8;
  let first = true;
  let pixels = false;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const kind = bytes.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(kind) || (first && kind !== 'IHDR')) return null;
    first = false;
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    if (kind === 'IDAT') pixels = true;
    if (kind === 'IEND') return pixels ? end : null;
    at = end;
  }
  return null;
}

/**
 * Where a JPEG's EOI marker (FF D9) ends: segments are walked by their lengths from SOI, and each
 * scan's entropy-coded data is skipped to the next marker (FF 00 is a stuffed byte, FF D0–D7 a
 * restart), so an EOI inside an embedded thumbnail is not mistaken for the end. Null when the walk
 * fails or reaches EOI before any scan (SOI EOI is not an image).
 */
export function jpegEnd(bytes: Buffer): number | null {
  let at = 2;
  let scanned = false;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    while (bytes[at] === 0xff) at++; // fill bytes before a marker
    const marker = bytes[at++];
    if (marker === undefined || marker === 0x00) return null;
    if (marker === 0xd9) return scanned ? at : null;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // markers without a length
    if (at + 2 > bytes.length) return null;
    const length = bytes.readUInt16BE(at);
    if (length < 2 || at + length > bytes.length) return null;
    at += length;
    if (marker === 0xda) {
      scanned = true;
      at = skipEntropyCoded(bytes, at);
    }
  }
  return null;
}

/** From the start of a scan's data to the next real marker (or the end of the bytes). */
function skipEntropyCoded(bytes: Buffer, from: number): number {
  let at = from;
  for (;;) {
    at = bytes.indexOf(0xff, at);
    if (at === -1) return bytes.length;
    const next = bytes[at + 1];
    if (next === undefined) return bytes.length;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at += 2;
    else return at;
  }
}
