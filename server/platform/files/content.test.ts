import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { isAppError } from '../errors.ts';
import { checkUpload } from './check-upload.ts';
import { displayName } from './display-name.ts';
import { jpegEnd, pngEnd } from './image-check.ts';
import {
  jpegComment,
  pdfWithObjectStream,
  pngChunk,
  sampleJpeg,
  samplePdf,
  samplePng,
} from './testing/samples.ts';

/** The refusal's code and details of checking some bytes, or the detected type. */
function verdict(bytes: Buffer, declaredType?: string): { code: string; details: unknown } | string {
  try {
    return checkUpload(bytes, declaredType);
  } catch (err) {
    if (isAppError(err)) return { code: err.code, details: err.details };
    throw err;
  }
}

function refusal(bytes: Buffer): string {
  const v = verdict(bytes);
  return typeof v === 'string' ? `accepted as ${v}` : v.code;
}

function reason(bytes: Buffer): unknown {
  const v = verdict(bytes);
  return typeof v === 'string' ? `accepted as ${v}` : (v.details as { reason: string }).reason;
}

describe('the type comes from the content', () => {
  test('a real PDF, JPEG and PNG are recognised', () => {
    assert.equal(verdict(samplePdf()), 'application/pdf');
    assert.equal(verdict(sampleJpeg()), 'image/jpeg');
    assert.equal(verdict(samplePng()), 'image/png');
  });

  test('a PNG declared as a PDF is a PNG', () => {
    assert.equal(verdict(samplePng(), 'application/pdf'), 'image/png');
  });

  test('SVG, HTML, scripts, zip, exe and an empty file are refused whatever they claim', () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    assert.deepEqual(verdict(svg, 'image/png'), {
      code: 'FILE_TYPE_NOT_ALLOWED',
      details: { allowed: ['PDF', 'JPG', 'PNG'], declaredType: 'image/png' },
    });
    assert.equal(
      refusal(Buffer.from('<!doctype html><html><body>hi</body></html>')),
      'FILE_TYPE_NOT_ALLOWED',
    );
    assert.equal(refusal(Buffer.from('#!/bin/sh\nrm -rf /\n')), 'FILE_TYPE_NOT_ALLOWED');
    assert.equal(refusal(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])), 'FILE_TYPE_NOT_ALLOWED');
    assert.equal(refusal(Buffer.from('MZ\x90\x00\x03\x00', 'latin1')), 'FILE_TYPE_NOT_ALLOWED');
    assert.equal(refusal(Buffer.from(' %PDF-1.4')), 'FILE_TYPE_NOT_ALLOWED', 'the magic must be at offset 0');
    assert.equal(refusal(Buffer.alloc(0)), 'FILE_EMPTY');
  });
});

describe('images: nothing after the end marker, no markup', () => {
  test('the walk finds the real end of the samples', () => {
    assert.equal(pngEnd(samplePng()), samplePng().length);
    assert.equal(jpegEnd(sampleJpeg()), sampleJpeg().length);
  });

  test('a JPEG with <script> appended is refused', () => {
    const bytes = Buffer.concat([sampleJpeg(), Buffer.from('<script>alert(1)</script>')]);
    assert.deepEqual(verdict(bytes), {
      code: 'FILE_UNSAFE_CONTENT',
      details: { mediaType: 'image/jpeg', reason: 'trailingData' },
    });
  });

  test('a zip or any byte after IEND / EOI is refused', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    assert.equal(reason(Buffer.concat([samplePng(), zip])), 'trailingData');
    assert.equal(reason(Buffer.concat([sampleJpeg(), Buffer.from([0])])), 'trailingData');
  });

  test('markup inside the image (a comment, a text chunk) is refused', () => {
    assert.deepEqual(verdict(sampleJpeg([jpegComment('<?php system($_GET[1]); ?>')])), {
      code: 'FILE_UNSAFE_CONTENT',
      details: { mediaType: 'image/jpeg', reason: 'embeddedMarkup', found: '<?php' },
    });
    const png = samplePng();
    const withText = Buffer.concat([
      png.subarray(0, 33),
      pngChunk('tEXt', Buffer.from('Comment\0<SVG onload=alert(1)>')),
      png.subarray(33),
    ]);
    assert.equal(pngEnd(withText), withText.length, 'a well-formed PNG with a text chunk');
    assert.deepEqual(verdict(withText), {
      code: 'FILE_UNSAFE_CONTENT',
      details: { mediaType: 'image/png', reason: 'embeddedMarkup', found: '<SVG' },
    });
    assert.equal(reason(sampleJpeg([jpegComment('<html>')])), 'embeddedMarkup');
  });

  test('an EOI inside an embedded thumbnail is not the end; harmless comments pass', () => {
    const thumbnail = sampleJpeg([jpegComment(Buffer.from([0xff, 0xd9, 0x00]))]);
    assert.equal(verdict(thumbnail), 'image/jpeg');
    assert.equal(verdict(sampleJpeg([jpegComment('Created with a <svgish> scanner')])), 'image/jpeg');
  });

  test('a truncated or broken image is refused', () => {
    assert.equal(reason(samplePng().subarray(0, 40)), 'malformed');
    assert.equal(reason(sampleJpeg().subarray(0, 30)), 'malformed');
    assert.equal(reason(Buffer.from([0xff, 0xd8, 0xff, 0xd9])), 'malformed', 'SOI EOI holds no image');
    const noPixels = Buffer.concat([samplePng().subarray(0, 33), pngChunk('IEND', Buffer.alloc(0))]);
    assert.equal(reason(noPixels), 'malformed', 'IHDR IEND holds no image');
  });
});

describe('PDFs: no scripts, launches or attachments', () => {
  test('a PDF with /JavaScript, /JS, /Launch or /EmbeddedFile is refused', () => {
    const js = samplePdf(['<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>']);
    assert.deepEqual(verdict(js), {
      code: 'FILE_UNSAFE_CONTENT',
      details: { mediaType: 'application/pdf', reason: 'pdfActiveContent', found: '/JavaScript' },
    });
    assert.equal(reason(samplePdf(['<< /S /Launch /F (cmd.exe) >>'])), 'pdfActiveContent');
    assert.equal(reason(samplePdf(['<< /Type /EmbeddedFile /Length 0 >>'])), 'pdfActiveContent');
    assert.equal(reason(samplePdf(['<< /JS 6 0 R >>'])), 'pdfActiveContent');
  });

  test('names written with #xx escapes are decoded first', () => {
    assert.equal(reason(samplePdf(['<< /S /J#61vaScript /JS#20 (x) >>'])), 'pdfActiveContent');
  });

  test('a script hidden in a compressed object stream is found', () => {
    assert.deepEqual(verdict(pdfWithObjectStream('<< /S /JavaScript /JS (app.alert(1)) >>')), {
      code: 'FILE_UNSAFE_CONTENT',
      details: { mediaType: 'application/pdf', reason: 'pdfActiveContent', found: '/JavaScript' },
    });
    assert.equal(
      verdict(pdfWithObjectStream('<< /S /URI /URI (https://example.org/) >>')),
      'application/pdf',
    );
  });

  test('an object stream that cannot be read is refused', () => {
    const broken = Buffer.from(
      pdfWithObjectStream('<< /A 1 >>').toString('latin1').replace('/FlateDecode', '/LZWDecode'),
      'latin1',
    );
    assert.equal(reason(broken), 'pdfUninspectable');
    const bomb = deflateSync(Buffer.alloc(80 * 1024 * 1024));
    const pdf = samplePdf([
      `<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n${bomb.toString('latin1')}\nendstream`,
    ]);
    assert.equal(reason(pdf), 'pdfUninspectable');
  });

  test('words in the page text are not names', () => {
    assert.equal(verdict(samplePdf(['<< /Title (JavaScript and Launch) >>'])), 'application/pdf');
  });
});

describe('display names', () => {
  test('a path is reduced to its last segment and never kept', () => {
    assert.equal(displayName('../../etc/passwd', 'application/pdf'), 'passwd');
    assert.equal(displayName('C:\\Users\\张三\\身份证.jpg', 'image/jpeg'), '身份证.jpg');
    assert.equal(displayName('..', 'image/png'), 'file.png');
    assert.equal(displayName('   ', 'application/pdf'), 'file.pdf');
  });

  test('control and direction characters are stripped', () => {
    assert.equal(displayName('re\u0000port\u0007.pdf', 'application/pdf'), 'report.pdf');
    assert.equal(displayName('photo\u202Egpj.exe', 'image/jpeg'), 'photogpj.exe');
  });

  test('at most 120 characters, the extension kept', () => {
    const name = displayName(`${'营'.repeat(200)}.pdf`, 'application/pdf');
    assert.equal([...name].length, 120);
    assert.ok(name.endsWith('营.pdf'));
    assert.equal([...displayName('x'.repeat(300), 'image/png')].length, 120);
  });
});
