import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import { idNumberCheckChar } from '../../../../contracts/identifiers.ts';
import { samplePdf } from '../../../platform/files/testing/samples.ts';
import { type Client, describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { casesDb } from '../../cases/testing/index.ts';
import { catalogDb } from '../../catalog/testing/index.ts';
import { portalLogIn } from '../testing/index.ts';

interface Draft {
  id: string;
  status: string;
  revision: number;
  caseNumber: string | null;
  lockedKeys: string[];
  materials: { materialId: string; files: { id: string }[] }[];
  missingMaterials: { materialId: string; name: string }[];
  missingFields: { key: string; label: string }[];
}
type CasePage = { id: string; number: string; version: number; status: string; channel: string };

/** A value the intake takes for a field of this kind. */
function sampleValue(field: CatalogItemDocument['formFields'][number]): string | number {
  switch (field.kind) {
    case 'number':
      return 1;
    case 'date':
      return '2026-03-02';
    case 'choice':
      return field.options[0] ?? '';
    case 'id_number': {
      const first17 = '22032219700101777';
      return `${first17}${idNumberCheckChar(first17)}`;
    }
    case 'address':
      return '吉林省四平市梨树县梨树镇向阳街1号';
    default:
      return '测试值';
  }
}

let people = 0;
async function citizen(
  ctx: Parameters<typeof portalLogIn>[0],
): Promise<{ client: Client; idNumber: string; phone: string }> {
  people++;
  const phone = `1380099${String(people).padStart(4, '0')}`;
  const client = await portalLogIn(ctx, phone, `10.41.${people}.1`);
  const first17 = `220322198${people % 10}0202${String(people).padStart(3, '0')}`;
  const idNumber = `${first17}${idNumberCheckChar(first17)}`;
  ok(await client.post('/api/portal/me/identity', { name: '孙网办', idNumber }));
  return { client, idNumber, phone };
}

describeEachDb(
  'portal submit: a complete online application becomes a case for pre-review, once',
  (ctx) => {
    let item: { id: string; doc: CatalogItemDocument };
    before(async () => {
      const rows = await catalogDb(ctx().platform.db)
        .selectFrom('catalog_items')
        .innerJoin('catalog_item_versions', 'catalog_item_versions.id', 'catalog_items.published_version_id')
        .select(['catalog_items.id', 'catalog_item_versions.document'])
        .where('catalog_items.status', '=', 'published')
        .execute();
      const found = rows
        .map((r) => ({ id: r.id, doc: JSON.parse(String(r.document)) as CatalogItemDocument }))
        .find(
          ({ doc }) =>
            (doc.depthFlags.includes('3') || doc.depthFlags.includes('4')) &&
            doc.formFields.some((f) => f.required) &&
            doc.materials.some((m) => m.required) &&
            !doc.formFields.some((f) => f.required && f.kind === 'attachment'),
        );
      assert.ok(found, 'the demo catalogue has an online item with required fields and materials');
      item = found;
    });

    async function completeDraft(client: Client): Promise<Draft> {
      let draft = ok<Draft>(await client.post('/api/portal/applications', { itemId: item.id }));
      const form = Object.fromEntries(
        item.doc.formFields
          .filter(
            (f) => draft.missingFields.some((m) => m.key === f.key) && !draft.lockedKeys.includes(f.key),
          )
          .map((f) => [f.key, sampleValue(f)]),
      );
      draft = ok<Draft>(
        await client.patch(`/api/portal/applications/${draft.id}`, {
          expectedRevision: draft.revision,
          form,
        }),
      );
      for (const m of draft.missingMaterials) {
        const boundary = '----OneWindowSubmit7MA4YWxk';
        const head =
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n';
        draft = ok<Draft>(
          await client.inject({
            method: 'POST',
            url: `/api/portal/applications/${draft.id}/materials/${m.materialId}`,
            payload: Buffer.concat([Buffer.from(head), samplePdf(), Buffer.from(`\r\n--${boundary}--\r\n`)]),
            headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          }),
        );
      }
      assert.deepEqual(draft.missingMaterials, []);
      assert.deepEqual(draft.missingFields, []);
      return draft;
    }

    test('submitted: a case of channel online, received, encrypted as at the window; the clerk sees it in 网上预审 and accepts it; the draft is frozen', async () => {
      const me = await citizen(ctx());
      const draft = await completeDraft(me.client);
      const submitted = ok<Draft>(
        await me.client.post(`/api/portal/applications/${draft.id}/submit`, {
          expectedRevision: draft.revision,
        }),
      );
      assert.equal(submitted.status, 'submitted');
      assert.match(submitted.caseNumber ?? '', /^\d{6}-\d{4}-\d{7}$/);
      const read = ok<Draft>(await me.client.get(`/api/portal/applications/${draft.id}`));
      assert.equal(read.caseNumber, submitted.caseNumber);

      const row = await casesDb(ctx().platform.db)
        .selectFrom('cases')
        .selectAll()
        .where('number', '=', submitted.caseNumber ?? '')
        .executeTakeFirstOrThrow();
      assert.equal(row.channel, 'online');
      assert.equal(row.status, 'received');
      assert.equal(row.clock_start, null);
      assert.equal(row.applicant_name, '孙网办');
      assert.equal(row.applicant_id_masked.includes(me.idNumber), false);
      const state = String(row.state);
      assert.equal(state.includes(me.idNumber), false, 'the ID number only encrypted');
      assert.equal(state.includes(me.phone), false, 'the phone only encrypted');
      const parsed = JSON.parse(state);
      assert.equal(ctx().platform.cipher.decrypt(parsed.applicant.idEnc), me.idNumber);
      assert.equal(ctx().platform.cipher.decrypt(parsed.applicant.phoneEnc), me.phone);

      const audit = await ctx()
        .platform.db.selectFrom('audit_log')
        .select(['action'])
        .where('entity_id', '=', draft.id)
        .where('action', '=', 'portal.submitApplication')
        .execute();
      assert.equal(audit.length, 1);

      // 网上预审: the county centre's clerk sees it; a department handler does not get the queue.
      const clerk = await ctx().as('clerk');
      const queue = ok<{ items: { id: string; number: string }[] }>(
        await clerk.get('/api/cases?view=prereview&pageSize=100'),
      );
      assert.ok(queue.items.some((c) => c.number === submitted.caseNumber));
      const page = ok<CasePage>(await clerk.get(`/api/cases/${row.id}`));
      assert.equal(page.channel, 'online');
      const accepted = ok<CasePage>(
        await clerk.post(`/api/cases/${row.id}/accept`, { version: page.version }),
      );
      assert.equal(accepted.status, 'in_process');
      const after = await casesDb(ctx().platform.db)
        .selectFrom('cases')
        .select(['clock_start', 'status'])
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      assert.ok(after.clock_start, 'the clock starts at acceptance');
      const again = ok<{ items: { number: string }[] }>(
        await clerk.get('/api/cases?view=prereview&pageSize=100'),
      );
      assert.ok(!again.items.some((c) => c.number === submitted.caseNumber), 'no longer waiting');

      // No more changes to the application.
      expectError(
        await me.client.patch(`/api/portal/applications/${draft.id}`, {
          expectedRevision: submitted.revision,
          form: {},
        }),
        409,
        'PORTAL_APPLICATION_SUBMITTED',
      );
      const fileId = submitted.materials.find((m) => m.files.length > 0)?.files[0]?.id;
      expectError(
        await me.client.delete(`/api/portal/applications/${draft.id}/files/${fileId}`),
        409,
        'PORTAL_APPLICATION_SUBMITTED',
      );
      expectError(
        await me.client.post(`/api/portal/applications/${draft.id}/submit`, {
          expectedRevision: submitted.revision,
        }),
        409,
        'PORTAL_APPLICATION_SUBMITTED',
      );
    });

    test('the correction and the refusal work on an online case as at the window', async () => {
      const clerk = await ctx().as('clerk');
      for (const action of ['correction', 'refuse'] as const) {
        const me = await citizen(ctx());
        const draft = await completeDraft(me.client);
        const submitted = ok<Draft>(
          await me.client.post(`/api/portal/applications/${draft.id}/submit`, {
            expectedRevision: draft.revision,
          }),
        );
        const row = await casesDb(ctx().platform.db)
          .selectFrom('cases')
          .select(['id', 'version'])
          .where('number', '=', submitted.caseNumber ?? '')
          .executeTakeFirstOrThrow();
        const body =
          action === 'correction'
            ? {
                version: Number(row.version),
                items: [{ name: '身份证明', problem: '照片不清晰，请重新上传' }],
              }
            : { version: Number(row.version), reason: '不属于本机关受理范围' };
        const res = ok<CasePage>(await clerk.post(`/api/cases/${row.id}/${action}`, body));
        assert.equal(res.status, action === 'correction' ? 'intake_correction' : 'refused');
      }
    });

    test('an incomplete draft is 409 with what is missing; a stale revision 409; another account’s 404', async () => {
      const me = await citizen(ctx());
      const draft = ok<Draft>(await me.client.post('/api/portal/applications', { itemId: item.id }));
      const err = expectError(
        await me.client.post(`/api/portal/applications/${draft.id}/submit`, {
          expectedRevision: draft.revision,
        }),
        409,
        'PORTAL_APPLICATION_INCOMPLETE',
      );
      assert.deepEqual(err.details.missingMaterials, draft.missingMaterials);
      assert.deepEqual(err.details.missingFields, draft.missingFields);
      assert.ok(draft.missingMaterials.length > 0);
      expectError(
        await me.client.post(`/api/portal/applications/${draft.id}/submit`, {
          expectedRevision: draft.revision + 1,
        }),
        409,
        'PORTAL_STALE_VERSION',
      );
      const other = await citizen(ctx());
      expectError(
        await other.client.post(`/api/portal/applications/${draft.id}/submit`, {
          expectedRevision: draft.revision,
        }),
        404,
        'PORTAL_APPLICATION_NOT_FOUND',
      );
      const still = ok<Draft>(await me.client.get(`/api/portal/applications/${draft.id}`));
      assert.equal(still.status, 'draft');
      assert.equal(still.caseNumber, null);
    });

    test('a double submit (two at once) receives one case', async () => {
      const me = await citizen(ctx());
      const draft = await completeDraft(me.client);
      const url = `/api/portal/applications/${draft.id}/submit`;
      const answers = await Promise.all(
        [1, 2, 3].map(() => me.client.post(url, { expectedRevision: draft.revision })),
      );
      const done = answers.filter((a) => a.statusCode === 200);
      assert.equal(done.length, 1, answers.map((a) => `${a.statusCode} ${a.body.slice(0, 120)}`).join('\n'));
      for (const a of answers.filter((x) => x.statusCode !== 200)) {
        assert.equal(a.statusCode, 409, a.body);
        assert.ok(
          ['PORTAL_APPLICATION_SUBMITTED', 'PORTAL_STALE_VERSION'].includes(a.json().error.code),
          a.body,
        );
      }
      const accountCases = await casesDb(ctx().platform.db)
        .selectFrom('cases')
        .select('number')
        .where('intake_key', '=', `portal-application-${draft.id}`)
        .execute();
      assert.equal(accountCases.length, 1);
      assert.equal(accountCases[0]?.number, (done[0]?.json() as Draft | undefined)?.caseNumber);
    });
  },
  { behindProxy: true, catalog: true },
);
