import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { idNumberCheckChar } from '../../../contracts/identifiers.ts';
import type { Client, TestContext } from '../../testing/harness.ts';
import { findOrgUnitByCode } from '../org/index.ts';
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
  centreCode: string,
  number: string,
  ctx: TestContext,
): Promise<string> {
  const centre = await findOrgUnitByCode(ctx.platform.db, centreCode);
  const res = await client.get(`/api/org/windows?serviceCentreId=${centre?.id}`);
  assert.equal(res.statusCode, 200, res.body);
  const w = (res.json().items as { id: string; number: string }[]).find((x) => x.number === number);
  assert.ok(w, `window ${centreCode}/${number}`);
  return w.id;
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

/** Asserts an error response's status and code, and returns its body. */
export function expectError(res: LightMyRequestResponse, status: number, code: string) {
  assert.equal(res.statusCode, status, `${code}: ${res.body}`);
  const body = res.json();
  assert.equal(body.error.code, code, res.body);
  return body.error;
}

/** Asserts a 2xx and returns the JSON body. */
export function ok<T = Record<string, unknown> & { id: string; version: number; status: string }>(
  res: LightMyRequestResponse,
): T {
  assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${res.statusCode} ${res.body}`);
  return res.json() as T;
}
