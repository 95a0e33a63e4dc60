import { deflateSync } from 'node:zlib';

/**
 * Tiny valid files built in code for the tests: a one-page PDF with a correct cross-reference table,
 * a 1×1 PNG (IHDR, IDAT, IEND with their CRCs) and a 1×1 baseline JPEG (grey, one 8×8 block).
 */

/** A one-page PDF; `extraObjects` are added as further objects (e.g. `<< /S /JavaScript … >>`). */
export function samplePdf(extraObjects: readonly string[] = []): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    streamObject('BT /F1 12 Tf 20 100 Td (OneWindow) Tj ET'),
    ...extraObjects,
  ];
  return pdfOf(objects);
}

/** A PDF (1.5) whose active content hides in a Flate-compressed object stream. */
export function pdfWithObjectStream(hidden: string): Buffer {
  const content = `5 0 ${hidden}`;
  const header = '5 0 ';
  const data = deflateSync(Buffer.from(content, 'latin1'));
  const objStm = `<< /Type /ObjStm /N 1 /First ${header.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`;
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    Buffer.concat([Buffer.from(objStm, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]),
  ]);
}

function streamObject(content: string): string {
  return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}

function pdfOf(objects: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]?.length ?? 0;
  objects.forEach((body, i) => {
    offsets.push(at);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(at),
    '%%EOF\n',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/** A 1×1 red PNG. */
export function samplePng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0); // width
  ihdr.writeUInt32BE(1, 4); // height
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace
  const pixels = deflateSync(Buffer.from([0, 255, 0, 0])); // filter byte, then R G B
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', pixels),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG chunk: length, type, data, CRC-32 of type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A 1×1 grey baseline JPEG: quantisation table, frame, one-code Huffman tables (DC category 0,
 * AC end-of-block), one scan whose single block is "no change, end of block" (bits 00, padded).
 */
export function sampleJpeg(segments: readonly Buffer[] = []): Buffer {
  const marker = (code: number, body: readonly number[]) =>
    Buffer.from([0xff, code, ((body.length + 2) >> 8) & 0xff, (body.length + 2) & 0xff, ...body]);
  const oneCodeTable = (classAndId: number) => [classAndId, 1, ...new Array(15).fill(0), 0x00];
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    marker(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // JFIF
    ...segments,
    marker(0xdb, [0x00, ...new Array(64).fill(1)]),
    marker(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
    marker(0xc4, oneCodeTable(0x00)),
    marker(0xc4, oneCodeTable(0x10)),
    marker(0xda, [1, 1, 0x00, 0, 63, 0]),
    Buffer.from([0x3f, 0xff, 0xd9]),
  ]);
}

/** A JPEG comment segment (COM) with a text, e.g. to carry an embedded thumbnail's EOI or markup. */
export function jpegComment(text: string | Buffer): Buffer {
  const body = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
  const head = Buffer.from([0xff, 0xfe, ((body.length + 2) >> 8) & 0xff, (body.length + 2) & 0xff]);
  return Buffer.concat([head, body]);
}
