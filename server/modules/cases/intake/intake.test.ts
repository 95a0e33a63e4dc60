import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import { describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import {
  ALL_ORIGINALS,
  type CountyDesk,
  idNumber,
  intakeAtA01,
  person,
  setUpCountyDesk,
  windowId,
} from '../testing/http-test-support.ts';
import { insertTestItem, testMaterial } from '../testing/test-items.ts';

const countCases = async (ctx: () => { platform: { db: import('../../../platform/db/index.ts').Db } }) => {
  const row = await ctx()
    .platform.db.withTables<{ cases: { id: string } }>()
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

describeEachDb('case intake rules and scope over HTTP', (ctx) => {
  let desk: CountyDesk;
  let b01: string;
  let c01: string;
  before(async () => {
    desk = await setUpCountyDesk(ctx());
    const clerk = await ctx().as('clerk');
    b01 = await windowId(clerk, { centreCode: '220322C00', number: 'B01' }, ctx());
    c01 = await windowId(clerk, { centreCode: '220322C00', number: 'C01' }, ctx());
  });

  test('bad input at intake: each a clear error, and no case is created', async () => {
    const clerk = await ctx().as('clerk');
    const base = intakeAtA01(desk, person(10));
    const before = await countCases(ctx);
    const badId = {
      ...person(10),
      idNumber: `${idNumber(10).slice(0, 17)}${idNumber(10).endsWith('1') ? '2' : '1'}`,
    };
    const e1 = expectError(
      await clerk.post('/api/cases', { ...base, applicant: badId }),
      400,
      'VALIDATION_FAILED',
    );
    assert.ok(JSON.stringify(e1.details).includes('body.applicant.idNumber'), JSON.stringify(e1.details));
    assert.ok(JSON.stringify(e1.details).includes('校验位'));
    const badCredit = {
      kind: 'enterprise',
      name: '梨树县某某有限公司',
      creditCode: '91220322MA0000000X',
      legalRepresentative: '王五',
      phone: '13904340000',
    };
    expectError(await clerk.post('/api/cases', { ...base, applicant: badCredit }), 400, 'VALIDATION_FAILED');
    expectError(
      await clerk.post('/api/cases', { ...base, itemId: desk.items.retired }),
      422,
      'CASE_ITEM_NOT_PUBLISHED',
    );
    expectError(
      await clerk.post('/api/cases', { ...base, itemId: desk.items.police }),
      422,
      'CASE_ITEM_NOT_AT_WINDOW',
    );
    expectError(await clerk.post('/api/cases', { ...base, windowId: b01 }), 422, 'CASE_ITEM_NOT_AT_WINDOW');
    expectError(await clerk.post('/api/cases', { ...base, windowId: c01 }), 422, 'CASE_ITEM_NOT_AT_WINDOW');
    const missing = expectError(
      await clerk.post('/api/cases', { ...base, materials: [{ materialId: 'm1', form: 'original' }] }),
      422,
      'CASE_MATERIAL_MISSING',
    );
    assert.deepEqual(missing.details.materials, ['身份证明']);
    expectError(
      await clerk.post('/api/cases', {
        ...base,
        materials: [...ALL_ORIGINALS, { materialId: 'zz', form: 'copy' }],
      }),
      400,
      'CASE_MATERIAL_UNKNOWN',
    );
    expectError(
      await clerk.post('/api/cases', { ...base, decision: 'refuse' }),
      422,
      'CASE_DECISION_REASONS_REQUIRED',
    );
    assert.equal(await countCases(ctx), before, 'nothing half-written');
  });

  test('a specialist window takes its own department’s items only', async () => {
    const gaj = await ctx().as('clerk');
    const c = ok(
      await gaj.post('/api/cases', {
        itemId: desk.items.police,
        windowId: b01,
        applicant: person(11),
        materials: ALL_ORIGINALS,
        decision: 'accept',
      }),
    );
    assert.equal(c.status, 'in_process');
  });

  test('correction at intake: one notice listing everything, the resubmission resumes the same case', async () => {
    const clerk = await ctx().as('clerk');
    const c = ok<{ id: string; version: number; status: string; number: string; documents: string[] }>(
      await clerk.post('/api/cases', {
        itemId: desk.items.market,
        windowId: desk.a01,
        applicant: person(12),
        materials: [{ materialId: 'm1', form: 'copy' }],
        decision: 'correct',
      }),
    );
    assert.equal(c.status, 'intake_correction');
    assert.ok(c.documents.includes('correction'));
    const notice = await clerk.get(`/api/cases/${c.id}/documents/correction`);
    assert.match(notice.body, /一次性告知/);
    assert.match(notice.body, /身份证明/);
    const resumed = ok(
      await clerk.post(`/api/cases/${c.id}/resubmit`, {
        version: c.version,
        materials: [{ materialId: 'm2', form: 'original' }],
      }),
    );
    assert.equal(resumed.status, 'received');
    const accepted = ok<{ status: string; number: string }>(
      await clerk.post(`/api/cases/${c.id}/accept`, { version: resumed.version }),
    );
    assert.equal(accepted.status, 'in_process');
    assert.equal(accepted.number, c.number, 'the same case, the same number');
  });

  test('deferral (容缺), situations, form fields and an agent at a township point (代收代办)', async () => {
    const lsz = await ctx().as('lishuzhen');
    const body = {
      itemId: desk.items.marketLocal,
      applicant: person(13, '王小丽'),
      agent: {
        name: '王大力',
        idNumber: idNumber(14, '19900101'),
        phone: '13904349999',
        powerOfAttorney: true,
      },
      situations: { s1: 'agent' },
      form: { shopName: '小丽便利店', capital: 5, operatorId: idNumber(13) },
      materials: [
        { materialId: 'm1', form: 'original' },
        { materialId: 'm2', form: 'deferred', deferral: { promiseSigned: true, dueDate: '2099-01-01' } },
        { materialId: 'm3', form: 'original' },
      ],
      decision: 'accept',
    };
    expectError(await lsz.post('/api/cases', body), 422, 'CASE_DEFERRAL_INVALID');
    const formErr = expectError(
      await lsz.post('/api/cases', { ...body, form: { capital: 'abc' } }),
      400,
      'CASE_FORM_INVALID',
    );
    const paths = formErr.details.fields.map((f: { path: string }) => f.path);
    assert.deepEqual(paths.sort(), ['body.form.capital', 'body.form.shopName']);
    // Due today: within the promised limit whatever today is.
    const dueDate = shanghaiDay(new Date());
    const valid = body.materials.map((m) =>
      m.materialId === 'm2' ? { ...m, deferral: { promiseSigned: true, dueDate } } : m,
    );
    const withoutAgentLetter = valid.filter((m) => m.materialId !== 'm3');
    expectError(
      await lsz.post('/api/cases', { ...body, materials: withoutAgentLetter }),
      422,
      'CASE_MATERIAL_MISSING',
    );
    type Page = {
      id: string;
      intakeLevel: string;
      servicePointName: string;
      documents: string[];
      form: Record<string, string>;
      materials: { materialId: string; form: string; deferredUntil: string }[];
    };
    const page = ok<Page>(await lsz.post('/api/cases', { ...body, materials: valid }));
    assert.equal(page.intakeLevel, 'township');
    assert.equal(page.servicePointName, '梨树镇');
    assert.ok(page.documents.includes('deferral'));
    assert.equal(
      page.form.operatorId,
      `2203**********${idNumber(13).slice(-4)}`,
      'ID numbers in the form are masked',
    );
    assert.equal(page.materials.find((m) => m.materialId === 'm2')?.deferredUntil, dueDate);

    const guojiadian = await ctx().as('guojiadian');
    expectError(await guojiadian.get(`/api/cases/${page.id}`), 403, 'ACCESS_OUT_OF_SCOPE');
    const list = ok<{ items: { id: string }[] }>(await guojiadian.get('/api/cases'));
    assert.ok(!list.items.some((i) => i.id === page.id), 'another township does not list it');
    const own = ok<{ items: { id: string; applicantName: string }[] }>(await lsz.get('/api/cases'));
    assert.ok(own.items.some((i) => i.id === page.id && i.applicantName === '王**'));
    const handler = await ctx().as('scjg_handler');
    ok(await handler.get(`/api/cases/${page.id}`));
    const gaj = await ctx().as('gaj_handler');
    expectError(await gaj.get(`/api/cases/${page.id}`), 403, 'ACCESS_OUT_OF_SCOPE');
  });

  test('two questions with the same answer ids: each choice brings in only its own question’s materials', async () => {
    const yesNo = (id: string, question: string, material: string) => ({
      id,
      question,
      multiple: false,
      answers: [
        { id: 'yes', label: '是', materialIds: [material], conditionIds: [] },
        { id: 'no', label: '否', materialIds: [], conditionIds: [] },
      ],
    });
    const itemId = await insertTestItem(ctx().platform, {
      name: '外商投资企业设立登记（测试）',
      departmentCode: '220322D01',
      materials: [
        testMaterial('m1', '设立登记申请书'),
        testMaterial('m2', '授权委托书'),
        testMaterial('m3', '外商投资批准文件'),
      ],
      situations: [yesNo('entrust', '是否委托他人办理？', 'm2'), yesNo('foreign', '是否外商投资？', 'm3')],
    });
    const clerk = await ctx().as('clerk');
    const body = {
      ...intakeAtA01(desk, person(61)),
      itemId,
      situations: { entrust: 'yes', foreign: 'no' },
      materials: [
        { materialId: 'm1', form: 'original' },
        { materialId: 'm2', form: 'original' },
      ],
    };
    const foreignPaper = [...body.materials, { materialId: 'm3', form: 'original' }];
    const notForThisCase = expectError(
      await clerk.post('/api/cases', { ...body, materials: foreignPaper }),
      400,
      'CASE_MATERIAL_UNKNOWN',
    );
    assert.equal(notForThisCase.details.materialId, 'm3');
    const page = ok<{ materials: { materialId: string }[] }>(await clerk.post('/api/cases', body));
    assert.deepEqual(
      page.materials.map((m) => m.materialId),
      ['m1', 'm2'],
    );
    expectError(
      await clerk.post('/api/cases', {
        ...body,
        applicant: person(62),
        situations: { entrust: 'no', foreign: 'yes' },
        materials: [{ materialId: 'm1', form: 'original' }],
      }),
      422,
      'CASE_MATERIAL_MISSING',
    );
  });

  test('a township point refuses items not delegated to it; a village agent takes village items', async () => {
    const gjd = await ctx().as('guojiadian');
    expectError(
      await gjd.post('/api/cases', {
        itemId: desk.items.market,
        applicant: person(15),
        materials: ALL_ORIGINALS,
        decision: 'accept',
      }),
      422,
      'CASE_ITEM_NOT_AT_SERVICE_POINT',
    );
    const village = await ctx().as('village');
    const c = ok<{ id: string; intakeLevel: string; servicePointName: string }>(
      await village.post('/api/cases', {
        itemId: desk.items.marketLocal,
        applicant: person(16),
        situations: { s1: 'self' },
        form: { shopName: '南杏山小卖部' },
        materials: [
          { materialId: 'm1', form: 'original' },
          { materialId: 'm2', form: 'copy' },
        ],
        decision: 'receive',
      }),
    );
    assert.equal(c.intakeLevel, 'village');
    assert.equal(c.servicePointName, '南杏山村');
    const lsz = await ctx().as('lishuzhen');
    ok(await lsz.get(`/api/cases/${c.id}`));
  });

  test('search by number, applicant ID, status and department, within scope', async () => {
    const clerk = await ctx().as('clerk');
    const c = ok<{ id: string; number: string }>(
      await clerk.post('/api/cases', intakeAtA01(desk, person(17, '赵六'))),
    );
    const byNumber = ok<{ items: { id: string }[]; total: number }>(
      await clerk.get(`/api/cases?number=${c.number.slice(-7)}`),
    );
    assert.deepEqual(
      byNumber.items.map((i) => i.id),
      [c.id],
    );
    const byId = ok<{ items: { id: string }[] }>(
      await clerk.post('/api/cases/search', { applicant: idNumber(17) }),
    );
    assert.deepEqual(
      byId.items.map((i) => i.id),
      [c.id],
    );
    const byName = ok<{ items: { id: string }[] }>(
      await clerk.get(`/api/cases?applicant=${encodeURIComponent('赵六')}`),
    );
    assert.deepEqual(
      byName.items.map((i) => i.id),
      [c.id],
    );
    const supervisor = await ctx().as('supervisor');
    const inProcess = ok<{ items: { status: string }[]; total: number }>(
      await supervisor.get('/api/cases?status=in_process&pageSize=100'),
    );
    assert.ok(inProcess.total >= 3);
    assert.ok(inProcess.items.every((i) => i.status === 'in_process'));
    const catalog = await ctx().as('catalog');
    expectError(await catalog.get('/api/cases'), 403, 'ACCESS_DENIED');
    expectError(await ctx().anonymous.get('/api/cases'), 401, 'AUTH_REQUIRED');
  });
});
