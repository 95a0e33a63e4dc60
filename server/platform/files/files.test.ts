import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIALECTS, openTestPlatform } from '../../testing/harness.ts';
import type { Platform } from '../context.ts';
import { sm3 } from '../crypto/sm3.ts';
import { newId } from '../db/ids.ts';
import {
  deleteStoredFile,
  fileStorage,
  readStoredFile,
  type StoreUploadInput,
  storeUpload,
} from './index.ts';
import { sampleJpeg, samplePdf, samplePng } from './testing/samples.ts';

const OWNER = { kind: 'portal_account', id: 'acc-1' };

async function refusedWith(work: Promise<unknown>, code: string): Promise<unknown> {
  let details: unknown;
  await assert.rejects(work, (err: { code?: string; details?: unknown }) => {
    assert.equal(err.code, code);
    details = err.details;
    return true;
  });
  return details;
}

for (const dialect of DIALECTS) {
  describe(`files [${dialect}]`, () => {
    let platform: Platform;
    let close: () => Promise<void>;
    const upload = (input: Partial<StoreUploadInput> & Pick<StoreUploadInput, 'bytes'>) =>
      storeUpload(platform, { declaredName: 'material.pdf', owner: OWNER, ...input });

    before(async () => {
      const opened = await openTestPlatform(dialect, { demo: false });
      platform = opened.platform;
      close = opened.close;
    });
    after(async () => close());

    for (const storage of ['disk', 'database'] as const) {
      test(`a real PDF, JPEG and PNG are stored with their SM3 and read back exactly (${storage})`, async () => {
        platform.config.fileStorage = storage;
        for (const [bytes, name, mediaType] of [
          [samplePdf(), '营业执照.pdf', 'application/pdf'],
          [sampleJpeg(), 'id-front.jpg', 'image/jpeg'],
          [samplePng(), 'seal.png', 'image/png'],
        ] as const) {
          const view = await upload({ bytes, declaredName: name, declaredType: mediaType });
          assert.deepEqual(
            { name: view.name, mediaType: view.mediaType, size: view.size, sm3: view.sm3 },
            { name, mediaType, size: bytes.length, sm3: sm3(bytes) },
          );
          const read = await readStoredFile(platform, view.id);
          assert.ok(read.bytes.equals(bytes), 'the same bytes');
          assert.deepEqual(read.file, { ...view, owner: OWNER, related: null });
          const row = await platform.db
            .selectFrom('files')
            .selectAll()
            .where('id', '=', view.id)
            .executeTakeFirstOrThrow();
          assert.equal(row.storage, storage);
        }
      });
    }

    test('a file stored on one storage is still read after FILE_STORAGE changes', async () => {
      platform.config.fileStorage = 'database';
      const view = await upload({ bytes: samplePng() });
      platform.config.fileStorage = 'disk';
      assert.ok((await readStoredFile(platform, view.id)).bytes.equals(samplePng()));
    });

    test('a PNG named .pdf and declared a PDF is stored as a PNG', async () => {
      const view = await upload({
        bytes: samplePng(),
        declaredName: 'scan.pdf',
        declaredType: 'application/pdf',
      });
      assert.equal(view.mediaType, 'image/png');
      assert.equal(view.name, 'scan.pdf');
    });

    test('an SVG named photo.png with type image/png, and an HTML file, are refused and nothing is stored', async () => {
      const before = await platform.db
        .selectFrom('files')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
      await refusedWith(
        upload({ bytes: svg, declaredName: 'photo.png', declaredType: 'image/png' }),
        'FILE_TYPE_NOT_ALLOWED',
      );
      const html = Buffer.from('<html><script>document.cookie</script></html>');
      await refusedWith(
        upload({ bytes: html, declaredName: 'a.pdf', declaredType: 'application/pdf' }),
        'FILE_TYPE_NOT_ALLOWED',
      );
      await refusedWith(upload({ bytes: Buffer.alloc(0) }), 'FILE_EMPTY');
      const after = await platform.db
        .selectFrom('files')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
    });

    test('a JPEG with <script> appended and a PDF with /JavaScript are refused', async () => {
      const jpeg = Buffer.concat([sampleJpeg(), Buffer.from('<script>alert(1)</script>')]);
      assert.deepEqual(
        await refusedWith(upload({ bytes: jpeg, declaredName: 'a.jpg' }), 'FILE_UNSAFE_CONTENT'),
        {
          mediaType: 'image/jpeg',
          reason: 'trailingData',
        },
      );
      const pdf = samplePdf(['<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>']);
      await refusedWith(upload({ bytes: pdf }), 'FILE_UNSAFE_CONTENT');
    });

    test('../../etc/passwd is a harmless display name, never a path', async () => {
      platform.config.fileStorage = 'disk';
      const view = await upload({ bytes: samplePdf(), declaredName: '../../etc/passwd' });
      assert.equal(view.name, 'passwd');
      const root = path.join(platform.config.dataDir, 'files');
      const file = path.join(root, view.id.slice(-2), view.id.slice(-4, -2), view.id);
      assert.ok(readFileSync(file).equals(samplePdf()), 'stored under its id');
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(statSync(root).mode & 0o777, 0o700);
      const names = readdirSync(platform.config.dataDir, { recursive: true }).map(String);
      assert.deepEqual(
        names.filter((n) => n.includes('passwd')),
        [],
      );
      assert.ok(!existsSync(path.join(platform.config.dataDir, 'etc')));
    });

    test('a file over UPLOAD_MAX_FILE_BYTES is refused', async () => {
      const saved = platform.config.uploadMaxFileBytes;
      platform.config.uploadMaxFileBytes = samplePdf().length - 1;
      try {
        assert.deepEqual(await refusedWith(upload({ bytes: samplePdf() }), 'FILE_TOO_LARGE'), {
          size: samplePdf().length,
          maxBytes: samplePdf().length - 1,
        });
        platform.config.uploadMaxFileBytes = samplePdf().length;
        await upload({ bytes: samplePdf() });
      } finally {
        platform.config.uploadMaxFileBytes = saved;
      }
    });

    test('a group over UPLOAD_MAX_GROUP_BYTES is refused, summed or from the total the caller passes', async () => {
      const saved = platform.config.uploadMaxGroupBytes;
      const size = samplePdf().length;
      platform.config.uploadMaxGroupBytes = size * 2;
      const related = { purpose: 'application', id: newId() };
      try {
        const first = await upload({ bytes: samplePdf(), related });
        await upload({ bytes: samplePdf(), related });
        assert.deepEqual(await refusedWith(upload({ bytes: samplePdf(), related }), 'FILE_GROUP_TOO_LARGE'), {
          size,
          groupBytes: size * 2,
          maxBytes: size * 2,
        });
        // Another group is counted apart; a deleted file no longer counts.
        await upload({ bytes: samplePdf(), related: { purpose: 'application', id: newId() } });
        await deleteStoredFile(platform, first.id);
        await upload({ bytes: samplePdf(), related });
        await refusedWith(
          upload({ bytes: samplePdf(), groupBytesSoFar: size * 2 - 1 }),
          'FILE_GROUP_TOO_LARGE',
        );
        await upload({ bytes: samplePdf(), groupBytesSoFar: size });
      } finally {
        platform.config.uploadMaxGroupBytes = saved;
      }
    });

    for (const storage of ['disk', 'database'] as const) {
      test(`a deleted file is not found and its bytes are gone (${storage})`, async () => {
        platform.config.fileStorage = storage;
        const view = await upload({ bytes: sampleJpeg() });
        await deleteStoredFile(platform, view.id);
        await deleteStoredFile(platform, view.id);
        await refusedWith(readStoredFile(platform, view.id), 'FILE_NOT_FOUND');
        assert.equal(await fileStorage(platform, storage).get(view.id), null);
        const row = await platform.db
          .selectFrom('files')
          .selectAll()
          .where('id', '=', view.id)
          .executeTakeFirstOrThrow();
        assert.ok(row.deleted_at, 'the row stays, marked deleted');
        await refusedWith(deleteStoredFile(platform, newId()), 'FILE_NOT_FOUND');
        await refusedWith(readStoredFile(platform, '../../etc/passwd'), 'FILE_NOT_FOUND');
      });

      test(`the ${storage} storage round-trips any bytes and refuses a key that is not an id`, async () => {
        const store = fileStorage(platform, storage);
        const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256));
        const key = newId();
        await store.put(key, bytes);
        assert.ok((await store.get(key))?.equals(bytes));
        await store.delete(key);
        assert.equal(await store.get(key), null);
        await store.delete(key);
        for (const bad of ['../../etc/passwd', '', 'ABCDEF', `${key}/../x`, key.toUpperCase(), `/${key}`]) {
          await refusedWith(store.put(bad, bytes), 'FILE_KEY_INVALID');
          await refusedWith(store.get(bad), 'FILE_KEY_INVALID');
          await refusedWith(store.delete(bad), 'FILE_KEY_INVALID');
        }
      });
    }

    test("bytes changed behind the platform's back are never served", async () => {
      platform.config.fileStorage = 'database';
      const view = await upload({ bytes: samplePng() });
      await platform.db
        .updateTable('file_blobs')
        .set({ bytes: samplePdf() })
        .where('id', '=', view.id)
        .execute();
      await assert.rejects(readStoredFile(platform, view.id), /no longer match their SM3 digest/);
    });
  });
}
