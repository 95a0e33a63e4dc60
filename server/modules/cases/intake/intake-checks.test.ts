import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import { type Client, describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import {
  type CountyDesk,
  idNumber,
  intakeAtA01,
  intakeByClerk,
  person,
  setUpCountyDesk,
} from '../testing/http-test-support.ts';

/**
 * What an independent checker found slipping through intake and the correction round: each is
 * refused with the field at fault, in Chinese or English as asked, and nothing is stored.
 */
describeEachDb('intake and correction checks', (ctx) => {
  let desk: CountyDesk;
  let clerk: Client;
  const EN = { 'accept-language': 'en-US' };
  before(async () => {
    desk = await setUpCountyDesk(ctx());
    clerk = await ctx().as('clerk');
  });
  const caseCount = async () =>
    ok<{ total: number }>(await (await ctx().as('supervisor')).get('/api/cases?pageSize=1')).total;
  const fieldsOf = (error: { details: { fields: { path: string; message: string }[] } }) =>
    Object.fromEntries(error.details.fields.map((f) => [f.path, f.message]));

  test('a deferral (容缺) promised for a day already past is refused, in either language', async () => {
    const lsz = await ctx().as('lishuzhen');
    const yesterday = shanghaiDay(new Date(Date.now() - 86_400_000));
    const body = {
      itemId: desk.items.marketLocal,
      applicant: person(801),
      situations: { s1: 'self' },
      form: { shopName: '昨日便利店' },
      materials: [
        { materialId: 'm1', form: 'original' },
        { materialId: 'm2', form: 'deferred', deferral: { promiseSigned: true, dueDate: yesterday } },
      ],
      decision: 'accept',
    };
    const before = await caseCount();
    const zh = expectError(await lsz.post('/api/cases', body), 422, 'CASE_DEFERRAL_INVALID');
    assert.deepEqual(zh.details.problems, [`补齐日期不得早于${shanghaiDay(new Date())}`]);
    const en = expectError(await lsz.post('/api/cases', body, EN), 422, 'CASE_DEFERRAL_INVALID');
    assert.match(en.details.problems[0], /cannot be before/);
    assert.equal(await caseCount(), before, 'nothing stored');
  });

  test('a material listed twice, a birth date in the future, an invisible name and a 10x phone are refused', async () => {
    const before = await caseCount();
    const twice = expectError(
      await clerk.post(
        '/api/cases',
        intakeAtA01(desk, person(802), {
          materials: [
            { materialId: 'm1', form: 'original' },
            { materialId: 'm2', form: 'original' },
            { materialId: 'm2', form: 'missing' },
          ],
        }),
      ),
      400,
      'VALIDATION_FAILED',
    );
    assert.equal(fieldsOf(twice)['body.materials.2.materialId'], '同一材料只能出现一次');
    const future = { ...person(803), idNumber: idNumber(803, '20991231') };
    const born = expectError(
      await clerk.post('/api/cases', intakeAtA01(desk, future), EN),
      400,
      'VALIDATION_FAILED',
    );
    assert.equal(
      fieldsOf(born)['body.applicant.idNumber'],
      'The birth date in the ID number is in the future',
    );
    const bornZh = expectError(
      await clerk.post('/api/cases', intakeAtA01(desk, future)),
      400,
      'VALIDATION_FAILED',
    );
    assert.equal(fieldsOf(bornZh)['body.applicant.idNumber'], '公民身份号码中的出生日期晚于今天');
    const invisible = expectError(
      await clerk.post('/api/cases', intakeAtA01(desk, { ...person(804), name: '\u200b\u200b' })),
      400,
      'VALIDATION_FAILED',
    );
    assert.match(fieldsOf(invisible)['body.applicant.name'] ?? '', /不可见字符/);
    const phone = expectError(
      await clerk.post('/api/cases', intakeAtA01(desk, { ...person(805), phone: '10000000000' })),
      400,
      'VALIDATION_FAILED',
    );
    assert.equal(fieldsOf(phone)['body.applicant.phone'], '手机号码应为11位数字，以13至19开头');
    assert.equal(await caseCount(), before, 'nothing stored');
  });

  test('a department handler who may not accept anywhere hears 403 first, with or without a window', async () => {
    const handler = await ctx().as('scjg_handler');
    const { windowId: _, ...noWindow } = intakeAtA01(desk, person(806));
    expectError(await handler.post('/api/cases', noWindow), 403, 'ACCESS_DENIED');
    expectError(await handler.post('/api/cases', intakeAtA01(desk, person(806))), 403, 'ACCESS_DENIED');
  });

  test('a correction names only materials of the case; answering one asked in processing needs a complete checklist', async () => {
    const c = await intakeByClerk(ctx(), desk, { applicant: person(807) });
    const handler = await ctx().as('scjg_handler');
    const unknown = expectError(
      await handler.post(`/api/cases/${c.id}/correction`, {
        version: c.version,
        items: [{ materialId: 'zzz', name: '不存在的材料', problem: '请补正' }],
      }),
      400,
      'CASE_MATERIAL_UNKNOWN',
    );
    assert.equal(fieldsOf(unknown)['body.items.0.materialId'], '该材料不在本办件的材料清单中');
    const paused = ok(
      await handler.post(`/api/cases/${c.id}/correction`, {
        version: c.version,
        items: [{ materialId: 'm2', name: '经营场所使用证明', problem: '地址与申请书不一致' }],
      }),
    );
    assert.equal(paused.status, 'process_correction');
    const stillMissing = expectError(
      await clerk.post(`/api/cases/${c.id}/resubmit`, {
        version: paused.version,
        materials: [{ materialId: 'm2', form: 'missing' }],
      }),
      422,
      'CASE_MATERIAL_MISSING',
    );
    assert.equal(stillMissing.details.materials.length, 1, 'the one required material still missing');
    const unchanged = ok(await clerk.get(`/api/cases/${c.id}`));
    assert.equal(unchanged.version, paused.version, 'the refused answer changed nothing');
    const resumed = ok(
      await clerk.post(`/api/cases/${c.id}/resubmit`, {
        version: paused.version,
        materials: [{ materialId: 'm2', form: 'original', copies: 1 }],
      }),
    );
    assert.equal(resumed.status, 'in_process');
  });

  test('a denial without reasons is refused field by field, in English when asked', async () => {
    const c = await intakeByClerk(ctx(), desk, { applicant: person(808) });
    const handler = await ctx().as('scjg_handler');
    const reviewer = await ctx().as('scjg_reviewer');
    const approver = await ctx().as('scjg_approver');
    let v = ok(
      await handler.post(`/api/cases/${c.id}/pass`, { version: c.version, opinion: '同意' }),
    ).version;
    v = ok(await reviewer.post(`/api/cases/${c.id}/pass`, { version: v, opinion: '同意' })).version;
    const en = expectError(
      await approver.post(
        `/api/cases/${c.id}/decide`,
        { version: v, outcome: 'deny', opinion: '不予许可' },
        EN,
      ),
      422,
      'CASE_DECISION_REASONS_REQUIRED',
    );
    assert.deepEqual(fieldsOf(en), {
      'body.reasons': 'A denial needs its reasons',
      'body.legalBasis': 'A denial needs its legal basis',
    });
  });
});
