import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type CountyDesk, intakeAtA01, person, setUpCountyDesk } from '../../modules/cases/testing/index.ts';
import { demoDepartment, sampleItem } from '../../modules/catalog/testing/index.ts';
import { type Client, describeEachDb, type TestContext } from '../../testing/harness.ts';
import { ok } from '../../testing/http-support.ts';
import { refused } from '../../testing/malformed-support.ts';

/**
 * An English client (Accept-Language: en-US) reads every text of an error's details in English:
 * the message beside each field at fault and lists such as `problems`, whether a schema or a use
 * case found the fault. Without the header the same texts are Chinese.
 */

const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
const EN = { 'accept-language': 'en-US' };

/** One bad request: who sends it, and how. */
interface Sample {
  what: string;
  as: string;
  send(client: Client, headers: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** Every text of an answer's details that a reader is meant to read. */
function textsOf(details: unknown): string[] {
  const d = (details ?? {}) as { fields?: { message?: string }[]; problems?: unknown[] };
  const texts = (d.fields ?? []).map((f) => f.message ?? '');
  for (const p of d.problems ?? []) texts.push(typeof p === 'string' ? p : JSON.stringify(p));
  return texts;
}

function samples(ctx: () => TestContext, desk: () => CountyDesk): Sample[] {
  const department = () => demoDepartment(ctx().platform.db, '梨树县市场监督管理局');
  const post = (url: string, body: unknown) => (c: Client, h: Record<string, string>) => c.post(url, body, h);
  const put = (url: string, body: unknown) => (c: Client, h: Record<string, string>) =>
    c.inject({ method: 'PUT', url, payload: body as object, headers: h });
  return [
    {
      what: 'catalog: an item with an empty name, a charge without basis and a bad phone',
      as: 'catalog',
      send: async (c, h) =>
        c.post(
          '/api/catalog/items',
          {
            document: sampleItem(await department(), {
              name: '',
              fee: { charged: true, basis: '', standard: '' },
              consultPhone: '123',
            }),
          },
          h,
        ),
    },
    {
      what: 'catalog: cross-field rules (promised longer than legal, a duplicate material)',
      as: 'catalog',
      send: async (c, h) => {
        const base = sampleItem(await department());
        return c.post(
          '/api/catalog/items',
          {
            document: {
              ...base,
              promisedLimit: { value: 30, unit: 'working_day', note: '' },
              materials: [...(base.materials ?? []), ...(base.materials ?? [])],
            },
          },
          h,
        );
      },
    },
    {
      what: 'catalog: search filters',
      as: 'catalog',
      send: (c, h) => c.get('/api/catalog/items?object=robot&pageSize=500&grassroots=city', h),
    },
    {
      what: 'org: a staff account with a bad user name and phone',
      as: 'admin',
      send: post('/api/org/staff', {
        username: 'Bad Name',
        name: '测试',
        orgUnitId: 'nope',
        phone: '12345',
        initialPassword: 'Long-Enough-1',
      }),
    },
    {
      what: 'org: a staff account in a unit that does not exist, weak password',
      as: 'admin',
      send: post('/api/org/staff', {
        username: 'tester',
        name: '测试',
        orgUnitId: 'no-such-unit',
        initialPassword: 'short',
      }),
    },
    {
      what: 'org: a staff account in a unit that does not exist',
      as: 'admin',
      send: post('/api/org/staff', {
        username: 'tester2',
        name: '测试',
        orgUnitId: 'no-such-unit',
        initialPassword: 'Long-Enough-2026',
      }),
    },
    {
      what: 'org: a window with a bad number and a unit with a bad division code',
      as: 'admin',
      send: post('/api/org/windows', {
        serviceCentreId: 'x',
        number: 'A 01',
        name: '窗口',
        kind: 'specialist',
      }),
    },
    {
      what: 'org: a unit under a parent that does not exist',
      as: 'admin',
      send: post('/api/org/units', {
        parentId: 'no-such-unit',
        code: 'T-1',
        name: '测试机构',
        kind: 'department',
        divisionCode: '12',
      }),
    },
    {
      what: 'calendar: a notice with a range backwards and a weekday make-up day',
      as: 'admin',
      send: post('/api/calendar/years', {
        year: 2029,
        holidays: [{ name: '春节', from: '2029-02-14', to: '2029-02-10' }],
        makeupDays: [
          { date: '2029-03-05', name: '春节' },
          { date: '2030-01-05', name: '春节' },
        ],
      }),
    },
    {
      what: 'calendar: a make-up day on a weekday',
      as: 'admin',
      send: put('/api/calendar/days/2026-03-02', { kind: 'makeup', name: '春节' }),
    },
    {
      what: 'calendar: a day that is no date',
      as: 'admin',
      send: put('/api/calendar/days/2026-02-30', { kind: 'holiday', name: '假日' }),
    },
    {
      what: 'auth: a weak new password',
      as: 'admin',
      send: post('/api/auth/password', { currentPassword: 'x', newPassword: 'short' }),
    },
    {
      what: 'auth: an empty body',
      as: 'admin',
      send: post('/api/auth/password', { newPassword: '' }),
    },
    {
      what: 'cases: an intake with an agent without power of attorney and a bad deferral',
      as: 'clerk',
      send: (c, h) =>
        c.post(
          '/api/cases',
          intakeAtA01(desk(), person(901), {
            agent: {
              name: '李四',
              idNumber: '220322198503120000',
              phone: '10012345678',
              powerOfAttorney: false,
            },
            materials: [
              {
                materialId: 'm1',
                form: 'missing',
                deferral: { promiseSigned: false, dueDate: '2026-13-01' },
              },
            ],
          }),
          h,
        ),
    },
    {
      what: 'cases: a correction decision with nothing missing',
      as: 'clerk',
      send: (c, h) => c.post('/api/cases', intakeAtA01(desk(), person(902), { decision: 'correct' }), h),
    },
    {
      what: 'cases: a refusal without reasons',
      as: 'clerk',
      send: (c, h) => c.post('/api/cases', intakeAtA01(desk(), person(903), { decision: 'refuse' }), h),
    },
    {
      what: 'cases: a process whose steps repeat a code and end without approval',
      as: 'catalog',
      send: (c, h) =>
        put(`/api/case-processes/${desk().items.market}`, {
          expectedRevision: 0,
          steps: [
            { key: 'handle', name: '承办', role: 'dept_handler', budgetDays: 1 },
            { key: 'handle', name: '审核', role: 'dept_reviewer', budgetDays: 1 },
          ],
        })(c, h),
    },
    {
      what: 'cases: progress lookup with a malformed number',
      as: 'clerk',
      send: (c, h) => c.get('/api/public/case-progress?number=123&tail=abc', h),
    },
  ];
}

describeEachDb('error details in the asker’s language', (ctx) => {
  let desk: CountyDesk;
  before(async () => {
    desk = await setUpCountyDesk(ctx());
  });

  test('English details for an English client, Chinese ones by default', async () => {
    for (const sample of samples(ctx, () => desk)) {
      const client = await ctx().as(sample.as);
      const en = refused(await sample.send(client, EN), undefined, true);
      const enTexts = textsOf(en.details);
      assert.ok(enTexts.length > 0, `${sample.what}: some text to read: ${JSON.stringify(en)}`);
      for (const t of enTexts)
        assert.doesNotMatch(t, CJK, `${sample.what}: English only: ${JSON.stringify(en)}`);
      const zh = refused(await sample.send(client, {}));
      const zhTexts = textsOf(zh.details);
      assert.equal(zhTexts.length, enTexts.length, `${sample.what}: the same faults in both languages`);
      for (const t of zhTexts)
        assert.match(t, CJK, `${sample.what}: Chinese by default: ${JSON.stringify(zh)}`);
    }
  });

  test('an action on a case: a correction naming a material not on the case, a refusal without reason', async () => {
    const clerk = await ctx().as('clerk');
    const received = ok<{ id: string; version: number }>(
      await clerk.post('/api/cases', intakeAtA01(desk, person(904), { decision: 'receive' })),
    );
    const url = (action: string) => `/api/cases/${received.id}/${action}`;
    for (const [action, body] of [
      ['correction', { version: received.version, items: [{ materialId: 'zz', name: '不存在的材料' }] }],
      ['refuse', { version: received.version, reason: '' }],
    ] as const) {
      const en = refused(await clerk.post(url(action), body, EN), undefined, true);
      assert.ok(textsOf(en.details).length > 0, JSON.stringify(en));
      for (const t of textsOf(en.details)) assert.doesNotMatch(t, CJK, `${action}: ${JSON.stringify(en)}`);
      const zh = refused(await clerk.post(url(action), body));
      for (const t of textsOf(zh.details)) assert.match(t, CJK, `${action}: ${JSON.stringify(zh)}`);
    }
  });
});
