import { inflateSync } from 'node:zlib';
import type { UnsafeFinding } from './image-check.ts';

/**
 * PDF names that make a viewer run something or carry another file: scripts (`/JavaScript`,
 * `/JS`), starting a program (`/Launch`) and attachments (`/EmbeddedFile`, `/EmbeddedFiles`).
 */
const ACTIVE_NAMES = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles']);

/** A PDF name token: `/` and the regular characters after it (PDF 32000-1, 7.2.2 and 7.3.5). */
const NAME = /\/([^\s/()<>[\]{}%]*)/g;

/** How much the object streams of one PDF may inflate to before it is refused as uninspectable. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/**
 * A PDF is refused when any name in it — in the file itself or inside a compressed object stream,
 * where PDF 1.5 and later keep most dictionaries — is one of ACTIVE_NAMES. Names are compared after
 * `#xx` escapes are decoded (`/J#61vaScript` is `/JavaScript`). An object stream that cannot be
 * read (encrypted, a filter other than Flate, broken, or inflating past MAX_INFLATED_BYTES) refuses
 * the file: what cannot be looked at is not let through.
 */
export function checkPdf(bytes: Buffer): UnsafeFinding | null {
  const text = bytes.toString('latin1');
  const found = activeName(text);
  if (found) return { reason: 'pdfActiveContent', found: `/${found}` };
  const encrypted = namesOf(text).has('Encrypt');
  let inflated = 0;
  for (const stream of objectStreams(text)) {
    if (encrypted || !stream.readable) return { reason: 'pdfUninspectable' };
    let content: Buffer;
    try {
      const data = bytes.subarray(stream.start, stream.end);
      content = stream.flate ? inflateSync(data, { maxOutputLength: MAX_INFLATED_BYTES - inflated }) : data;
    } catch {
      return { reason: 'pdfUninspectable' };
    }
    inflated += content.length;
    const inside = activeName(content.toString('latin1'));
    if (inside) return { reason: 'pdfActiveContent', found: `/${inside}` };
  }
  return null;
}

function activeName(text: string): string | null {
  for (const name of namesOf(text)) if (ACTIVE_NAMES.has(name)) return name;
  return null;
}

/** Every name in a text, `#xx` escapes decoded. */
function namesOf(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(NAME)) {
    const raw = match[1] ?? '';
    names.add(raw.includes('#') ? decodeName(raw) : raw);
  }
  return names;
}

function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

interface ObjectStream {
  start: number;
  end: number;
  flate: boolean;
  /** False when its filters are other than none or Flate alone (or with decode parameters). */
  readable: boolean;
}

/**
 * The object streams (`/Type /ObjStm`) of a PDF: for each `stream` keyword, the dictionary since the
 * `obj` before it says what it is; the data runs to the next `endstream`.
 */
function* objectStreams(text: string): Generator<ObjectStream> {
  const keyword = /stream\r?\n/g;
  let match = keyword.exec(text);
  while (match) {
    const start = match.index + match[0].length;
    const endAt = text.indexOf('endstream', start);
    if (endAt === -1) return;
    if (text.slice(match.index - 3, match.index) !== 'end') {
      const dictionary = text.slice(text.lastIndexOf('obj', match.index) + 3, match.index);
      const names = namesOf(dictionary);
      if (names.has('ObjStm')) {
        const filters = [...names].filter((n) => n.endsWith('Decode'));
        const flate = filters.includes('FlateDecode');
        const readable = filters.length === 0 || (filters.length === 1 && flate);
        yield { start, end: trimEol(text, endAt), flate, readable };
      }
    }
    keyword.lastIndex = endAt + 'endstream'.length;
    match = keyword.exec(text);
  }
}

/** The end of a stream's data: before the end-of-line that precedes `endstream`. */
function trimEol(text: string, endAt: number): number {
  let end = endAt;
  if (text[end - 1] === '\n') end--;
  if (text[end - 1] === '\r') end--;
  return end;
}
