import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import { idNumberCheckChar } from '../../../../contracts/identifiers.ts';
import { describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { catalogDb } from '../../catalog/testing/index.ts';
import { portalDb } from '../store/store.ts';
import { aMinuteLater, portalLogIn } from '../testing/index.ts';

interface Draft {
  id: string;
  itemId: string;
  status: string;
  revision: number;
  situations: Record<string, string[]>;
  form: Record<string, unknown>;
  lockedKeys: string[];
  materials: { materialId: string; name: string; required: boolean }[];
  missingFields: { key: string; label: string }[];
}

const first17 = '22032219880808004';
const ID = `${first17}${idNumberCheckChar(first17)}`;

describeEachDb(
  'portal online applications: drafts saved at every step, resumed anywhere, pre-filled and masked',
  (ctx) => {
    let online: { id: string; doc: CatalogItemDocument };
    let offline: { id: string };
    before(async () => {
      const rows = await catalogDb(ctx().platform.db)
        .selectFrom('catalog_items')
        .innerJoin('catalog_item_versions', 'catalog_item_versions.id', 'catalog_items.published_version_id')
        .select(['catalog_items.id', 'catalog_item_versions.document'])
        .where('catalog_items.status', '=', 'published')
        .execute();
      const docs = rows.map((r) => ({
        id: r.id,
        doc: JSON.parse(String(r.document)) as CatalogItemDocument,
      }));
      const isOnline = (d: CatalogItemDocument) => d.depthFlags.includes('3') || d.depthFlags.includes('4');
      const found = docs.find(
        (d) =>
          isOnline(d.doc) &&
          d.doc.formFields.some((f) => f.key === 'applicantIdNumber') &&
          d.doc.formFields.some((f) => f.key === 'applicantAddress') &&
          d.doc.situations.some((s) => s.answers.some((a) => a.materialIds.length > 0)),
      );
      const none = docs.find((d) => !isOnline(d.doc));
      assert.ok(found && none, 'the demo catalogue has items of both kinds');
      online = found;
      offline = none;
    });

    test('a verified citizen starts, saves situations and the form, and resumes on another device; values masked; audited', async () => {
      const phone = '13800110001';
      const unverified = await portalLogIn(ctx(), phone, '10.20.0.1');
      expectError(
        await unverified.post('/api/portal/applications', { itemId: online.id }),
        403,
        'PORTAL_REAL_NAME_REQUIRED',
      );
      ok(await unverified.post('/api/portal/me/identity', { name: '钱玉兰', idNumber: ID }));
      const draft = ok<Draft>(await unverified.post('/api/portal/applications', { itemId: online.id }));
      assert.equal(draft.status, 'draft');
      assert.equal(draft.revision, 1);
      assert.equal(draft.form.applicantName, '钱**', 'the name is masked as on 我的');
      assert.equal(draft.form.applicantIdNumber, `2203**********${ID.slice(-4)}`, 'the ID number is masked');
      assert.equal(draft.form.applicantPhone, '138****0001');
      assert.ok(
        draft.lockedKeys.includes('applicantIdNumber') && !draft.lockedKeys.includes('applicantAddress'),
      );
      assert.ok(!draft.missingFields.some((f) => f.key === 'applicantName'));
      const row = await portalDb(ctx().platform.db)
        .selectFrom('portal_applications')
        .selectAll()
        .where('id', '=', draft.id)
        .executeTakeFirstOrThrow();
      assert.ok(
        !row.form_enc.includes(ID) && !row.form_enc.includes('钱玉兰'),
        'the form is encrypted at rest',
      );

      // A situation that brings a material in: the checklist grows.
      const situation = online.doc.situations.find((s) => s.answers.some((a) => a.materialIds.length > 0));
      assert.ok(situation);
      const answer = situation.answers.find((a) => a.materialIds.length > 0);
      assert.ok(answer);
      const step1 = ok<Draft>(
        await unverified.patch(`/api/portal/applications/${draft.id}`, {
          expectedRevision: 1,
          situations: { [situation.id]: situation.multiple ? [answer.id] : answer.id },
        }),
      );
      assert.equal(step1.revision, 2);
      for (const m of answer.materialIds)
        assert.ok(
          step1.materials.some((x) => x.materialId === m),
          m,
        );

      // The form: the masked ID number sent back keeps the stored one; the address is typed.
      const step2 = ok<Draft>(
        await unverified.patch(`/api/portal/applications/${draft.id}`, {
          expectedRevision: 2,
          form: { ...step1.form, applicantAddress: '吉林省四平市梨树县郭家店镇建设街5号' },
        }),
      );
      assert.equal(step2.form.applicantAddress, '吉林省四平市梨树县郭家店镇****');
      assert.equal(step2.form.applicantIdNumber, `2203**********${ID.slice(-4)}`);

      // Another device (a new log-in): the same draft, at the same revision; starting again resumes it.
      await aMinuteLater(ctx());
      const other = await portalLogIn(ctx(), phone, '10.20.0.2');
      const resumed = ok<Draft>(await other.get(`/api/portal/applications/${draft.id}`));
      assert.equal(resumed.revision, 3);
      assert.deepEqual(resumed.situations, step2.situations);
      assert.equal(
        ok<Draft>(await other.post('/api/portal/applications', { itemId: online.id })).id,
        draft.id,
      );
      const list = ok<{ items: { id: string; status: string }[] }>(
        await other.get('/api/portal/applications'),
      );
      assert.deepEqual(
        list.items.map((i) => [i.id, i.status]),
        [[draft.id, 'draft']],
      );

      // The stale revision of the first device is refused and changes nothing.
      expectError(
        await unverified.patch(`/api/portal/applications/${draft.id}`, { expectedRevision: 2, form: {} }),
        409,
        'PORTAL_STALE_VERSION',
      );
      const actions = await ctx()
        .platform.db.selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('entity_id', '=', draft.id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        actions.map((a) => a.action),
        ['portal.startApplication', 'portal.saveApplication', 'portal.saveApplication'],
      );
      assert.ok(
        !actions.some((a) => String(a.detail).includes('郭家店镇建设街')),
        'no typed value in the audit',
      );
    });

    test('bad steps are refused by name and change nothing; another account’s draft is not found; an item not online is refused', async () => {
      const me = await portalLogIn(ctx(), '13800110002', '10.21.0.1');
      const second17 = '22032219900202003';
      ok(
        await me.post('/api/portal/me/identity', {
          name: '孙立军',
          idNumber: `${second17}${idNumberCheckChar(second17)}`,
        }),
      );
      const draft = ok<Draft>(await me.post('/api/portal/applications', { itemId: online.id }));
      const unknown = await me.patch(`/api/portal/applications/${draft.id}`, {
        expectedRevision: 1,
        form: { noSuchField: 'x' },
      });
      expectError(unknown, 400, 'PORTAL_FORM_INVALID');
      assert.match(unknown.body, /body\.form\.noSuchField/);
      const locked = await me.patch(`/api/portal/applications/${draft.id}`, {
        expectedRevision: 1,
        form: { applicantIdNumber: ID },
      });
      expectError(locked, 400, 'PORTAL_FORM_INVALID');
      assert.match(locked.json().error.details.fields[0].message, /由实名信息填写/);
      expectError(
        await me.patch(`/api/portal/applications/${draft.id}`, {
          expectedRevision: 1,
          situations: { nope: 'x' },
        }),
        400,
        'CASE_FORM_INVALID',
      );
      expectError(
        await me.patch(`/api/portal/applications/${draft.id}`, { expectedRevision: 1, extra: true }),
        400,
        'VALIDATION_FAILED',
      );
      assert.equal(
        ok<Draft>(await me.get(`/api/portal/applications/${draft.id}`)).revision,
        1,
        'nothing saved',
      );

      const stranger = await portalLogIn(ctx(), '13800110003', '10.21.0.2');
      expectError(
        await stranger.get(`/api/portal/applications/${draft.id}`),
        404,
        'PORTAL_APPLICATION_NOT_FOUND',
      );
      expectError(
        await stranger.patch(`/api/portal/applications/${draft.id}`, { expectedRevision: 1, form: {} }),
        404,
        'PORTAL_APPLICATION_NOT_FOUND',
      );
      expectError(
        await ctx().anonymous.get(`/api/portal/applications/${draft.id}`),
        401,
        'PORTAL_LOGIN_REQUIRED',
      );
      const staff = await ctx().as('clerk');
      expectError(await staff.get(`/api/portal/applications/${draft.id}`), 401, 'PORTAL_LOGIN_REQUIRED');

      expectError(
        await me.post('/api/portal/applications', { itemId: offline.id }),
        409,
        'PORTAL_ITEM_NOT_ONLINE',
      );
      expectError(await me.post('/api/portal/applications', { itemId: 'no-such-item' }), 404, 'NOT_FOUND');
    });

    test('a submitted application can no longer be edited (409)', async () => {
      const me = await portalLogIn(ctx(), '13800110004', '10.22.0.1');
      const third17 = '22032219950505005';
      ok(
        await me.post('/api/portal/me/identity', {
          name: '周晓梅',
          idNumber: `${third17}${idNumberCheckChar(third17)}`,
        }),
      );
      const draft = ok<Draft>(await me.post('/api/portal/applications', { itemId: online.id }));
      // Submission itself comes with uploads and pre-review; the lock is the store's, checked here.
      await portalDb(ctx().platform.db)
        .updateTable('portal_applications')
        .set({ status: 'submitted', submitted_at: new Date().toISOString() })
        .where('id', '=', draft.id)
        .execute();
      expectError(
        await me.patch(`/api/portal/applications/${draft.id}`, { expectedRevision: 1, form: {} }),
        409,
        'PORTAL_APPLICATION_SUBMITTED',
      );
    });
  },
  { behindProxy: true, catalog: true },
);
