import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import { idNumberCheckChar } from '../../../../contracts/identifiers.ts';
import { sm3 } from '../../../platform/crypto/sm3.ts';
import { sampleJpeg, samplePdf, samplePng } from '../../../platform/files/testing/samples.ts';
import { type Client, describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { catalogDb } from '../../catalog/testing/index.ts';
import { portalDb } from '../store/store.ts';
import { portalLogIn } from '../testing/index.ts';

interface FileView {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  uploadedAt: string;
}
interface Draft {
  id: string;
  status: string;
  revision: number;
  materials: { materialId: string; name: string; required: boolean; files: FileView[] }[];
  missingMaterials: { materialId: string; name: string }[];
}
interface Upload {
  name: string;
  type: string;
  bytes: Buffer;
  /** The form field (`file` unless a test says otherwise). */
  field?: string;
}

/** A multipart/form-data body of one file, built by hand as an independent client would send it. */
function multipart(file: Upload): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----OneWindowTest7MA4YWxkTrZu0gW';
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; ` +
    `filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function upload(client: Client, url: string, file: Upload): Promise<LightMyRequestResponse> {
  return client.inject({ method: 'POST', url, ...multipart(file) });
}

let people = 0;
/** A verified citizen (a new number, address and ID number each time). */
async function citizen(ctx: Parameters<typeof portalLogIn>[0], name: string): Promise<Client> {
  people++;
  const client = await portalLogIn(ctx, `1380012${String(people).padStart(4, '0')}`, `10.40.${people}.1`);
  const first17 = `220322198${people % 10}0101${String(people).padStart(3, '0')}`;
  ok(
    await client.post('/api/portal/me/identity', {
      name,
      idNumber: `${first17}${idNumberCheckChar(first17)}`,
    }),
  );
  return client;
}

describeEachDb(
  'portal application materials: uploads checked by content, own application only, audited downloads',
  (ctx) => {
    let item: { id: string; doc: CatalogItemDocument };
    /** Two materials that apply whatever the answers, and one that applies only for an answer. */
    let general: [string, string];
    let situational: string;

    before(async () => {
      const rows = await catalogDb(ctx().platform.db)
        .selectFrom('catalog_items')
        .innerJoin('catalog_item_versions', 'catalog_item_versions.id', 'catalog_items.published_version_id')
        .select(['catalog_items.id', 'catalog_item_versions.document'])
        .where('catalog_items.status', '=', 'published')
        .execute();
      const situationalOf = (d: CatalogItemDocument) =>
        new Set(d.situations.flatMap((s) => s.answers.flatMap((a) => a.materialIds)));
      const found = rows
        .map((r) => ({ id: r.id, doc: JSON.parse(String(r.document)) as CatalogItemDocument }))
        .find(
          ({ doc }) =>
            (doc.depthFlags.includes('3') || doc.depthFlags.includes('4')) &&
            situationalOf(doc).size > 0 &&
            doc.materials.filter((m) => m.required && !situationalOf(doc).has(m.id)).length >= 2,
        );
      assert.ok(found, 'the demo catalogue has an online item with two general required materials');
      item = found;
      const only = situationalOf(found.doc);
      const always = found.doc.materials.filter((m) => m.required && !only.has(m.id)).map((m) => m.id);
      general = [always[0] as string, always[1] as string];
      situational = [...only][0] as string;
    });

    async function startDraft(client: Client): Promise<Draft> {
      return ok<Draft>(await client.post('/api/portal/applications', { itemId: item.id }));
    }

    async function linkedFiles(applicationId: string) {
      return portalDb(ctx().platform.db)
        .selectFrom('portal_application_files')
        .selectAll()
        .where('application_id', '=', applicationId)
        .execute();
    }

    async function storedFiles(applicationId: string) {
      return ctx()
        .platform.db.selectFrom('files')
        .selectAll()
        .where('purpose', '=', 'portal_application')
        .where('related_id', '=', applicationId)
        .execute();
    }

    test('a PDF and a PNG uploaded to two materials: the checklist shows them, missingMaterials shrinks; download is the same bytes, audited; removal', async () => {
      const me = await citizen(ctx(), '钱玉兰');
      const draft = await startDraft(me);
      const [pdfMaterial, pngMaterial] = general;
      assert.ok(draft.missingMaterials.some((m) => m.materialId === pdfMaterial));
      assert.ok(draft.missingMaterials.some((m) => m.materialId === pngMaterial));
      assert.ok(draft.materials.every((m) => m.files.length === 0));

      const pdf = samplePdf();
      const afterPdf = ok<Draft>(
        await upload(me, `/api/portal/applications/${draft.id}/materials/${pdfMaterial}`, {
          name: '营业执照 (副本).pdf',
          type: 'application/pdf',
          bytes: pdf,
        }),
      );
      const afterPng = ok<Draft>(
        await upload(me, `/api/portal/applications/${draft.id}/materials/${pngMaterial}`, {
          name: 'photo.png',
          type: 'image/png',
          bytes: samplePng(),
        }),
      );
      assert.equal(afterPng.revision, draft.revision, 'an upload does not make a step stale');
      const pdfFiles = afterPng.materials.find((m) => m.materialId === pdfMaterial)?.files ?? [];
      const pngFiles = afterPng.materials.find((m) => m.materialId === pngMaterial)?.files ?? [];
      assert.deepEqual(
        pdfFiles.map((f) => [f.name, f.mediaType, f.size]),
        [['营业执照 (副本).pdf', 'application/pdf', pdf.length]],
      );
      assert.deepEqual(
        pngFiles.map((f) => [f.name, f.mediaType]),
        [['photo.png', 'image/png']],
      );
      assert.ok(!afterPdf.missingMaterials.some((m) => m.materialId === pdfMaterial));
      assert.equal(afterPng.missingMaterials.length, draft.missingMaterials.length - 2);
      const read = ok<Draft>(await me.get(`/api/portal/applications/${draft.id}`));
      assert.deepEqual(read.materials, afterPng.materials, 'the checklist is read back the same');

      const pdfFile = pdfFiles[0] as FileView;
      const res = await me.get(`/api/portal/applications/${draft.id}/files/${pdfFile.id}`);
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.equal(sm3(res.rawPayload), sm3(pdf), 'the very bytes uploaded');
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      const disposition = String(res.headers['content-disposition']);
      assert.match(disposition, /^attachment;/);
      assert.ok(
        disposition.includes(
          `filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%28%E5%89%AF%E6%9C%AC%29.pdf`,
        ),
        disposition,
      );

      const audit = await ctx()
        .platform.db.selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('entity_id', '=', draft.id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        [
          'portal.startApplication',
          'portal.uploadMaterial',
          'portal.uploadMaterial',
          'portal.downloadMaterial',
        ],
      );
      const uploaded = JSON.parse(String(audit[1]?.detail));
      assert.deepEqual(uploaded, {
        fileId: pdfFile.id,
        materialId: pdfMaterial,
        mediaType: 'application/pdf',
        size: pdf.length,
      });
      assert.ok(
        !audit.some((a) => String(a.detail).includes('营业执照') || String(a.detail).includes('photo')),
        'no file name in the audit',
      );

      // Removal: the link goes, the stored file is marked deleted, the material is missing again.
      const removed = ok<Draft>(await me.delete(`/api/portal/applications/${draft.id}/files/${pdfFile.id}`));
      assert.ok(removed.missingMaterials.some((m) => m.materialId === pdfMaterial));
      assert.deepEqual(
        (await linkedFiles(draft.id)).map((f) => f.material_id),
        [pngMaterial],
      );
      const stored = (await storedFiles(draft.id)).find((f) => f.id === pdfFile.id);
      assert.ok(stored?.deleted_at, 'the stored file is deleted');
      expectError(
        await me.get(`/api/portal/applications/${draft.id}/files/${pdfFile.id}`),
        404,
        'PORTAL_APPLICATION_FILE_NOT_FOUND',
      );
      expectError(
        await me.delete(`/api/portal/applications/${draft.id}/files/${pdfFile.id}`),
        404,
        'PORTAL_APPLICATION_FILE_NOT_FOUND',
      );
      const last = await ctx()
        .platform.db.selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', draft.id)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(last.action, 'portal.removeMaterial');
    });

    test('forged files are refused with their FILE_ code and nothing is linked; over the limit; a material that does not apply', async () => {
      const me = await citizen(ctx(), '孙立军');
      const draft = await startDraft(me);
      const url = `/api/portal/applications/${draft.id}/materials/${general[0]}`;
      const forged: [string, Upload, number, string][] = [
        [
          'an SVG named .png',
          {
            name: 'photo.png',
            type: 'image/png',
            bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
          },
          415,
          'FILE_TYPE_NOT_ALLOWED',
        ],
        [
          'HTML named .png',
          {
            name: 'scan.png',
            type: 'image/png',
            bytes: Buffer.from('<!doctype html><html><body>hi</body></html>'),
          },
          415,
          'FILE_TYPE_NOT_ALLOWED',
        ],
        [
          'a JPEG with a script appended',
          {
            name: 'id-card.jpg',
            type: 'image/jpeg',
            bytes: Buffer.concat([sampleJpeg(), Buffer.from('<script>alert(document.cookie)</script>')]),
          },
          422,
          'FILE_UNSAFE_CONTENT',
        ],
        [
          'a PDF with /JavaScript',
          {
            name: 'form.pdf',
            type: 'application/pdf',
            bytes: samplePdf(['<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>']),
          },
          422,
          'FILE_UNSAFE_CONTENT',
        ],
        [
          '../../etc/passwd',
          {
            name: '../../etc/passwd',
            type: 'text/plain',
            bytes: Buffer.from('root:x:0:0:root:/root:/bin/sh\n'),
          },
          415,
          'FILE_TYPE_NOT_ALLOWED',
        ],
        [
          'an empty file',
          { name: 'empty.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) },
          400,
          'FILE_EMPTY',
        ],
      ];
      for (const [what, file, status, code] of forged) {
        const res = await upload(me, url, file);
        assert.equal(res.json().error?.code, code, `${what}: ${res.body.slice(0, 200)}`);
        expectError(res, status, code);
      }
      assert.deepEqual(await linkedFiles(draft.id), [], 'nothing linked');
      assert.deepEqual(await storedFiles(draft.id), [], 'nothing stored');

      // A file over UPLOAD_MAX_FILE_BYTES.
      const config = ctx().platform.config;
      const saved = config.uploadMaxFileBytes;
      config.uploadMaxFileBytes = samplePdf().length - 1;
      try {
        const res = await upload(me, url, { name: 'big.pdf', type: 'application/pdf', bytes: samplePdf() });
        expectError(res, 413, 'FILE_TOO_LARGE');
      } finally {
        config.uploadMaxFileBytes = saved;
      }

      // A material the situations chosen do not bring in, one that is not the item's, no file at all.
      const notApplicable = await upload(
        me,
        `/api/portal/applications/${draft.id}/materials/${situational}`,
        {
          name: 'a.pdf',
          type: 'application/pdf',
          bytes: samplePdf(),
        },
      );
      expectError(notApplicable, 400, 'PORTAL_MATERIAL_NOT_APPLICABLE');
      assert.equal(notApplicable.json().error.details.materialId, situational, 'the material is named');
      expectError(
        await upload(me, `/api/portal/applications/${draft.id}/materials/no-such-material`, {
          name: 'a.pdf',
          type: 'application/pdf',
          bytes: samplePdf(),
        }),
        400,
        'PORTAL_MATERIAL_NOT_APPLICABLE',
      );
      expectError(
        await upload(me, url, { name: 'a.pdf', type: 'application/pdf', bytes: samplePdf(), field: 'other' }),
        400,
        'PORTAL_UPLOAD_FILE_MISSING',
      );
      expectError(await me.post(url, { file: 'x' }), 400, 'PORTAL_UPLOAD_FILE_MISSING');
      assert.deepEqual(await linkedFiles(draft.id), [], 'still nothing linked');
      assert.deepEqual(await storedFiles(draft.id), [], 'still nothing stored');

      // A valid PNG named ../../etc/passwd is stored under its display name only.
      const named = ok<Draft>(
        await upload(me, url, { name: '../../etc/passwd', type: 'image/png', bytes: samplePng() }),
      );
      const file = named.materials.find((m) => m.materialId === general[0])?.files[0];
      assert.equal(file?.name, 'passwd');
      assert.equal(file?.mediaType, 'image/png');

      // The application's files count together against UPLOAD_MAX_GROUP_BYTES.
      const savedGroup = config.uploadMaxGroupBytes;
      config.uploadMaxGroupBytes = samplePng().length + samplePdf().length - 1;
      try {
        expectError(
          await upload(me, url, { name: 'b.pdf', type: 'application/pdf', bytes: samplePdf() }),
          413,
          'FILE_GROUP_TOO_LARGE',
        );
        // Another application is another group.
        const neighbour = await citizen(ctx(), '郑秀英');
        const theirs = await startDraft(neighbour);
        ok(
          await upload(neighbour, `/api/portal/applications/${theirs.id}/materials/${general[0]}`, {
            name: 'b.pdf',
            type: 'application/pdf',
            bytes: samplePdf(),
          }),
        );
      } finally {
        config.uploadMaxGroupBytes = savedGroup;
      }
      assert.equal((await linkedFiles(draft.id)).length, 1, 'only the PNG');
    });

    test('the three operations are documented (and so fuzzed with the others)', async () => {
      const doc = (await ctx().anonymous.get('/api/openapi.json')).json() as {
        paths: Record<string, Record<string, { operationId?: string }>>;
      };
      const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
      for (const id of [
        'uploadPortalApplicationMaterial',
        'removePortalApplicationFile',
        'downloadPortalApplicationFile',
      ]) {
        assert.ok(ids.includes(id), id);
      }
    });

    test('another account cannot upload to, read, download or delete (404); after submission uploads and deletes are 409', async () => {
      const owner = await citizen(ctx(), '周晓梅');
      const draft = await startDraft(owner);
      const withFile = ok<Draft>(
        await upload(owner, `/api/portal/applications/${draft.id}/materials/${general[0]}`, {
          name: 'a.pdf',
          type: 'application/pdf',
          bytes: samplePdf(),
        }),
      );
      const fileId = withFile.materials.find((m) => m.materialId === general[0])?.files[0]?.id as string;
      assert.ok(fileId);

      const stranger = await citizen(ctx(), '吴建国');
      const own = await startDraft(stranger);
      expectError(
        await upload(stranger, `/api/portal/applications/${draft.id}/materials/${general[1]}`, {
          name: 'b.png',
          type: 'image/png',
          bytes: samplePng(),
        }),
        404,
        'PORTAL_APPLICATION_NOT_FOUND',
      );
      expectError(
        await stranger.get(`/api/portal/applications/${draft.id}`),
        404,
        'PORTAL_APPLICATION_NOT_FOUND',
      );
      expectError(
        await stranger.get(`/api/portal/applications/${draft.id}/files/${fileId}`),
        404,
        'PORTAL_APPLICATION_NOT_FOUND',
      );
      expectError(
        await stranger.delete(`/api/portal/applications/${draft.id}/files/${fileId}`),
        404,
        'PORTAL_APPLICATION_NOT_FOUND',
      );
      // The owner's file through the stranger's own application: not found either.
      expectError(
        await stranger.get(`/api/portal/applications/${own.id}/files/${fileId}`),
        404,
        'PORTAL_APPLICATION_FILE_NOT_FOUND',
      );
      expectError(
        await stranger.delete(`/api/portal/applications/${own.id}/files/${fileId}`),
        404,
        'PORTAL_APPLICATION_FILE_NOT_FOUND',
      );
      expectError(
        await ctx().anonymous.get(`/api/portal/applications/${draft.id}/files/${fileId}`),
        401,
        'PORTAL_LOGIN_REQUIRED',
      );
      const staff = await ctx().as('clerk');
      expectError(
        await staff.get(`/api/portal/applications/${draft.id}/files/${fileId}`),
        401,
        'PORTAL_LOGIN_REQUIRED',
      );
      assert.equal((await linkedFiles(draft.id)).length, 1, 'the owner’s file is still there');
      const downloads = await ctx()
        .platform.db.selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'portal.downloadMaterial')
        .where('entity_id', '=', draft.id)
        .execute();
      assert.equal(downloads.length, 0, 'no refused download is audited as one');

      // Submitted (submission itself comes with pre-review; the lock is the store's, set here).
      await portalDb(ctx().platform.db)
        .updateTable('portal_applications')
        .set({ status: 'submitted', submitted_at: new Date().toISOString() })
        .where('id', '=', draft.id)
        .execute();
      expectError(
        await upload(owner, `/api/portal/applications/${draft.id}/materials/${general[1]}`, {
          name: 'b.png',
          type: 'image/png',
          bytes: samplePng(),
        }),
        409,
        'PORTAL_APPLICATION_SUBMITTED',
      );
      expectError(
        await owner.delete(`/api/portal/applications/${draft.id}/files/${fileId}`),
        409,
        'PORTAL_APPLICATION_SUBMITTED',
      );
      assert.equal((await linkedFiles(draft.id)).length, 1, 'nothing changed');
      assert.equal((await storedFiles(draft.id)).filter((f) => f.deleted_at === null).length, 1);
      const res = await owner.get(`/api/portal/applications/${draft.id}/files/${fileId}`);
      assert.equal(res.statusCode, 200, 'the applicant still downloads their submitted file');
      assert.equal(sm3(res.rawPayload), sm3(samplePdf()));
    });
  },
  { behindProxy: true, catalog: true },
);
