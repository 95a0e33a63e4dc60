import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import { idNumberCheckChar } from '../../../../contracts/identifiers.ts';
import { describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { catalogDb } from '../../catalog/testing/index.ts';
import { DEFAULT_CASE_SETTINGS } from '../domain/case-settings.ts';
import { casesDb } from '../store/store.ts';
import { type OnlineApplicationInput, receiveOnlineApplication } from './online-intake.ts';

type Page = {
  id: string;
  number: string;
  version: number;
  status: string;
  channel: string;
  allowedActions: string[];
};

const idOf = (seq: number) => {
  const first17 = `22032219900101${String(seq).padStart(3, '0')}`;
  return `${first17}${idNumberCheckChar(first17)}`;
};

/** A value the intake's checks take for a required field of this kind. */
function sampleValue(field: CatalogItemDocument['formFields'][number], seq: number): string | number {
  switch (field.kind) {
    case 'number':
      return 1;
    case 'date':
      return '2026-03-02';
    case 'choice':
      return field.options[0] ?? '';
    case 'id_number':
      return idOf(seq);
    case 'address':
      return '吉林省四平市梨树县梨树镇向阳街1号';
    default:
      return '测试值';
  }
}

/** The cases module's online intake, called as the portal calls it. */
describeEachDb(
  'case intake online: a portal application received at the county centre, once',
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
            !doc.formFields.some((f) => f.required && f.kind === 'attachment'),
        );
      assert.ok(found, 'the demo catalogue has an online item');
      item = found;
    });

    const application = (
      seq: number,
      over: Partial<OnlineApplicationInput> = {},
    ): OnlineApplicationInput => ({
      applicationId: `app-${seq}-${ctx().dialect}`,
      itemId: item.id,
      applicant: {
        name: '网上申请人',
        idNumber: idOf(seq),
        phone: `1380043${String(seq).padStart(4, '0')}`,
        address: '吉林省四平市梨树县梨树镇向阳街8号',
      },
      form: Object.fromEntries(
        item.doc.formFields.filter((f) => f.required).map((f) => [f.key, sampleValue(f, seq)]),
      ) as OnlineApplicationInput['form'],
      situations: {},
      materials: item.doc.materials
        .filter(
          (m) =>
            m.required &&
            !item.doc.situations.some((s) => s.answers.some((a) => a.materialIds.includes(m.id))),
        )
        .map((m, i) => ({ materialId: m.id, fileIds: [`file-${seq}-${i}`] })),
      portal: { accountId: `portal-account-${seq}`, phoneMasked: '138****0001' },
      settings: DEFAULT_CASE_SETTINGS,
      ...over,
    });

    test('received, channel online, at the county centre, no clock; applicant encrypted; audited with the portal account', async () => {
      const input = application(1);
      const got = await receiveOnlineApplication(ctx().platform, input);
      assert.equal(got.replayed, false);
      const row = await casesDb(ctx().platform.db)
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', got.caseId)
        .executeTakeFirstOrThrow();
      assert.equal(row.channel, 'online');
      assert.equal(row.status, 'received');
      assert.equal(row.number, got.number);
      assert.equal(row.intake_unit_name, '梨树县政务服务中心');
      assert.equal(row.window_id, null);
      assert.equal(row.accepted_at, null);
      assert.equal(row.clock_start, null);
      assert.equal(row.intake_key_account, input.portal.accountId, 'the portal finds its cases by this');
      assert.equal(row.applicant_id_masked.includes(idOf(1)), false);
      const state = String(row.state);
      assert.equal(state.includes(idOf(1)), false, 'no clear ID number in the state');
      assert.equal(state.includes(input.applicant.phone), false, 'no clear phone in the state');

      const action = await casesDb(ctx().platform.db)
        .selectFrom('case_actions')
        .selectAll()
        .where('case_id', '=', got.caseId)
        .executeTakeFirstOrThrow();
      assert.equal(action.type, 'receive');
      assert.equal(action.actor_id, input.portal.accountId);
      assert.equal(action.actor_name, '公众用户138****0001（网上申请）');
      const payload = JSON.parse(String(action.payload));
      assert.equal(payload.channel, 'online');
      assert.ok(
        payload.materials.every(
          (m: { form: string; required: boolean; fileIds?: string[] }) =>
            !m.required || (m.form === 'electronic' && (m.fileIds?.length ?? 0) > 0),
        ),
      );
      const audit = await ctx()
        .platform.db.selectFrom('audit_log')
        .selectAll()
        .where('entity_id', '=', got.caseId)
        .execute();
      assert.deepEqual(
        audit.map((a) => [a.action, a.actor_id]),
        [['case.receive', input.portal.accountId]],
      );

      // The county centre's clerk pre-reviews it like a window case: accept, the clock starts.
      const clerk = await ctx().as('clerk');
      const page = ok<Page>(await clerk.get(`/api/cases/${got.caseId}`));
      assert.equal(page.channel, 'online');
      assert.ok(['accept', 'requestCorrection', 'refuse'].every((a) => page.allowedActions.includes(a)));
      const accepted = ok<Page>(
        await clerk.post(`/api/cases/${got.caseId}/accept`, { version: page.version }),
      );
      assert.equal(accepted.status, 'in_process');
    });

    test('a second submit of the same application answers the same case: no second case or number', async () => {
      const first = await receiveOnlineApplication(ctx().platform, application(2));
      const again = await receiveOnlineApplication(ctx().platform, application(2));
      assert.deepEqual(
        { caseId: again.caseId, number: again.number, replayed: again.replayed },
        { caseId: first.caseId, number: first.number, replayed: true },
      );
      const n = await casesDb(ctx().platform.db)
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('intake_key_account', '=', 'portal-account-2')
        .executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 1);
      // Concurrent ones too (on PostgreSQL the unique index settles it).
      const both = await Promise.all(
        [3, 3, 3].map(() => receiveOnlineApplication(ctx().platform, application(3))),
      );
      assert.equal(new Set(both.map((b) => b.caseId)).size, 1);
      assert.equal(both.filter((b) => !b.replayed).length, 1);
    });

    test('what the caller writes alongside commits with the case, or takes it back with it', async () => {
      await assert.rejects(
        receiveOnlineApplication(ctx().platform, {
          ...application(4),
          alongside: async () => {
            throw new Error('the draft moved');
          },
        }),
        /the draft moved/,
      );
      const none = await casesDb(ctx().platform.db)
        .selectFrom('cases')
        .select('id')
        .where('intake_key_account', '=', 'portal-account-4')
        .execute();
      assert.deepEqual(none, [], 'no case received');
    });

    test('checks as at the window: a required field missing, an item not online', async () => {
      const required = item.doc.formFields.find((f) => f.required);
      if (required) {
        const { [required.key]: _gone, ...form } = application(5).form;
        await assert.rejects(
          receiveOnlineApplication(ctx().platform, { ...application(5), form }),
          (e: Error & { code?: string }) => e.code === 'CASE_FORM_INVALID',
        );
      }
      const offline = await catalogDb(ctx().platform.db)
        .selectFrom('catalog_items')
        .innerJoin('catalog_item_versions', 'catalog_item_versions.id', 'catalog_items.published_version_id')
        .select(['catalog_items.id', 'catalog_item_versions.document'])
        .where('catalog_items.status', '=', 'published')
        .execute();
      const other = offline.find((r) => {
        const d = JSON.parse(String(r.document)) as CatalogItemDocument;
        return !d.depthFlags.includes('3') && !d.depthFlags.includes('4');
      });
      assert.ok(other);
      await assert.rejects(
        receiveOnlineApplication(ctx().platform, {
          ...application(6),
          itemId: other.id,
          form: {},
          materials: [],
        }),
        (e: Error & { code?: string }) => e.code === 'CASE_ITEM_NOT_ONLINE',
      );
      // And nobody's clerk session can do anything with the portal's actor: an anonymous request stays 401.
      expectError(await ctx().anonymous.get('/api/cases?view=all'), 401, 'AUTH_REQUIRED');
    });
  },
  { catalog: true },
);
