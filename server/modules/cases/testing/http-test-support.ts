import assert from 'node:assert/strict';
import { idNumberCheckChar } from '../../../../contracts/identifiers.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import type { Client, TestContext } from '../../../testing/harness.ts';
import { ok, type Reply } from '../../../testing/http-support.ts';
import { findOrgUnitByCode } from '../../org/index.ts';
import { DEFAULT_CASE_SETTINGS } from '../domain/case-settings.ts';
import { receiveCase } from '../intake/receive-case.ts';
import { insertTestItem, testMaterial } from './test-items.ts';

/** Shared set-up of the cases HTTP tests: items of every kind, windows, applicants. */

export interface TestItems {
  /** 市场监管, comprehensive window, no grassroots. */
  market: string;
  /** 市场监管, delegated to townships and villages, a deferrable material, a form and a situation. */
  marketLocal: string;
  /** 公安, specialist window only. */
  police: string;
  retired: string;
}

/** Inserts the test items (once per suite). */
export async function setUpItems(ctx: TestContext): Promise<TestItems> {
  const p = ctx.platform;
  return {
    market: await insertTestItem(p, { name: '食品经营许可（新办）', departmentCode: '220322D01' }),
    marketLocal: await insertTestItem(p, {
      name: '个体工商户登记',
      departmentCode: '220322D01',
      grassroots: ['township', 'village'],
      materials: [
        testMaterial('m1', '个体工商户登记申请书'),
        testMaterial('m2', '经营场所使用证明', { deferrable: true }),
        testMaterial('m3', '授权委托书'),
      ],
      formFields: [
        { key: 'shopName', label: '字号名称', kind: 'text', required: true, options: [] },
        { key: 'capital', label: '资金数额（万元）', kind: 'number', required: false, options: [] },
        { key: 'operatorId', label: '经营者身份证号', kind: 'id_number', required: false, options: [] },
      ],
      situations: [
        {
          id: 's1',
          question: '是否委托他人办理？',
          multiple: false,
          answers: [
            { id: 'self', label: '本人办理', materialIds: [], conditionIds: [] },
            { id: 'agent', label: '委托他人', materialIds: ['m3'], conditionIds: [] },
          ],
        },
      ],
    }),
    police: await insertTestItem(p, { name: '户口迁移', departmentCode: '220322D02', comprehensive: false }),
    retired: await insertTestItem(p, {
      name: '已停止实施的事项',
      departmentCode: '220322D01',
      status: 'retired',
    }),
  };
}

/** The id of a window by its centre's org-unit code and its number. */
export async function windowId(
  client: Client,
  { centreCode, number }: { centreCode: string; number: string },
  ctx: TestContext,
): Promise<string> {
  const centre = await findOrgUnitByCode(ctx.platform.db, centreCode);
  const res = await client.get(`/api/org/windows?serviceCentreId=${centre?.id}`);
  assert.equal(res.statusCode, 200, res.body);
  const w = (res.json().items as { id: string; number: string }[]).find((x) => x.number === number);
  assert.ok(w, `window ${centreCode}/${number}`);
  return w.id;
}

/** The test items and the county centre's window A01 (the demo clerk's own), set up once per suite. */
export interface CountyDesk {
  items: TestItems;
  a01: string;
}

/** Inserts the test items and finds window A01 of the county centre (220322C00). */
export async function setUpCountyDesk(ctx: TestContext): Promise<CountyDesk> {
  const items = await setUpItems(ctx);
  return {
    items,
    a01: await windowId(await ctx.as('clerk'), { centreCode: '220322C00', number: 'A01' }, ctx),
  };
}

/** The body of a window intake at A01 of the basic market item, every original presented, accepted. */
export function intakeAtA01(
  desk: CountyDesk,
  applicant: ReturnType<typeof person>,
  over: Record<string, unknown> = {},
) {
  return {
    itemId: desk.items.market,
    windowId: desk.a01,
    applicant,
    materials: ALL_ORIGINALS,
    decision: 'accept',
    ...over,
  };
}

/** Takes in a case at A01 as the demo clerk (accepted unless `over` decides otherwise); returns its page. */
export async function intakeByClerk<T = Reply>(
  ctx: TestContext,
  desk: CountyDesk,
  { applicant, over = {} }: { applicant: ReturnType<typeof person>; over?: Record<string, unknown> },
): Promise<T> {
  return ok<T>(await (await ctx.as('clerk')).post('/api/cases', intakeAtA01(desk, applicant, over)));
}

/** A test context or a browser test's web app: whatever holds the platform. */
type HasPlatform = { platform: Platform };

/** The account id of a demo log-in. */
export async function accountIdOf(ctx: HasPlatform, username: string): Promise<string> {
  const row = await ctx.platform.db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The actor of a demo log-in, for calling a use case directly as the HTTP layer would. */
export async function actorOf(ctx: HasPlatform, username: string): Promise<Actor> {
  const actor = await ctx.platform.loadActor(ctx.platform.db, await accountIdOf(ctx, username));
  assert.ok(actor, username);
  return actor;
}

/** Accepts a case as a clerk on Mon 12 Oct 2026 with m1 and m2 as originals: weeks later it is overdue. */
export async function acceptLongAgo(
  ctx: HasPlatform,
  clerk: string,
  intake: {
    itemId: string;
    applicant: ReturnType<typeof person>;
    situations: Record<string, string>;
    form: Record<string, string>;
  },
) {
  const materials = [
    { materialId: 'm1', form: 'original' as const },
    { materialId: 'm2', form: 'original' as const },
  ];
  return receiveCase(ctx.platform, await actorOf(ctx, clerk), {
    intake: { ...intake, materials, decision: 'accept' },
    settings: DEFAULT_CASE_SETTINGS,
    now: '2026-10-12T02:00:00.000Z',
  });
}

/** A valid ID number born on a date, with a sequence. */
export function idNumber(seq: number, birth = '19850312'): string {
  const first17 = `220322${birth}${String(seq % 1000).padStart(3, '0')}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

/** A person applicant. */
export function person(seq: number, name = '张建国') {
  return {
    kind: 'person' as const,
    name,
    idNumber: idNumber(seq),
    phone: `1390434${String(seq).padStart(4, '0')}`,
  };
}

/** Every material of the basic test item, presented as originals. */
export const ALL_ORIGINALS = [
  { materialId: 'm1', form: 'original' as const, copies: 1 },
  { materialId: 'm2', form: 'original' as const, copies: 1 },
];
