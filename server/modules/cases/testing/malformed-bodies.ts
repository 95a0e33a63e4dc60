import assert from 'node:assert/strict';
import { creditCodeCheckChar, idNumberCheckChar } from '../../../../contracts/identifiers.ts';
import type { Client } from '../../../testing/harness.ts';
import { BIG, corruptionsOf, type FieldKind } from '../../../testing/malformed-support.ts';
import { ALL_ORIGINALS, idNumber } from './http-test-support.ts';

/**
 * The bodies the malformed-input tests send: every action endpoint with a valid body and the kind
 * of each field, and the ways an intake can be wrong before it reaches the use case; and a snapshot
 * of a case, to prove that a refused request changed nothing.
 */

/** One corrupted request: what is wrong, the body, the field path the refusal must name. */
export type Corruption = [string, Record<string, unknown>, string];

/** Every action endpoint: a valid body (besides the version) and the kind of each field. */
export const ACTIONS: { url: string; base: Record<string, unknown>; kinds: Record<string, FieldKind> }[] = [
  { url: 'accept', base: {}, kinds: {} },
  {
    url: 'correction',
    base: { items: [{ name: '身份证复印件', problem: '不清晰' }], note: '请补正' },
    kinds: { items: 'list', note: 'optText' },
  },
  { url: 'resubmit', base: { materials: [], note: '已补正' }, kinds: { note: 'optText' } },
  {
    url: 'refuse',
    base: { reason: '不属于本机关职权范围', competentBody: '梨树县公安局', legalBasis: '行政许可法第32条' },
    kinds: { reason: 'text', competentBody: 'optLine', legalBasis: 'optText' },
  },
  { url: 'claim', base: {}, kinds: {} },
  { url: 'assign', base: { assigneeAccountId: 'nobody' }, kinds: { assigneeAccountId: 'id' } },
  { url: 'pass', base: { opinion: '同意' }, kinds: { opinion: 'text' } },
  { url: 'return', base: { reason: '材料不全' }, kinds: { reason: 'text' } },
  {
    url: 'special/start',
    base: { kind: 'hearing', reason: '需要听证', expectedEnd: '2099-12-31' },
    kinds: { kind: 'enum', reason: 'text', expectedEnd: 'date' },
  },
  { url: 'special/end', base: { result: '听证结束' }, kinds: { result: 'text' } },
  { url: 'extend', base: { days: 5, reason: '情况复杂' }, kinds: { days: 'days', reason: 'text' } },
  {
    url: 'decide',
    base: { outcome: 'deny', opinion: '不予许可', reasons: '不符合条件', legalBasis: '行政许可法第38条' },
    kinds: { outcome: 'enum', opinion: 'text', reasons: 'optText', legalBasis: 'optText' },
  },
  {
    url: 'conclude',
    base: { documentName: '许可证', documentNumber: 'JY1', validFrom: '2026-01-01', issuer: '市场监管局' },
    kinds: {
      documentName: 'line',
      documentNumber: 'line',
      validFrom: 'optDate',
      validUntil: 'optDate',
      issuer: 'optLine',
    },
  },
  {
    url: 'deliver',
    base: { method: 'mail', trackingNumber: 'SF1234567890', note: '已寄出' },
    kinds: { method: 'enum', trackingNumber: 'optLine', note: 'optText' },
  },
  { url: 'supply', base: { materialId: 'm2', form: 'original' }, kinds: { materialId: 'id', form: 'enum' } },
  { url: 'withdraw', base: { reason: '申请人撤回' }, kinds: { reason: 'text' } },
  { url: 'void', base: { reason: '重复录入' }, kinds: { reason: 'text' } },
];

/** A valid unified social credit code with a serial. */
function creditCode(seq: number): string {
  const first17 = `91220322MA${String(seq).padStart(7, '0')}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

/** The same string with its last character replaced by another of the same alphabet. */
function wrongLast(value: string): string {
  return `${value.slice(0, -1)}${value.endsWith('1') ? '2' : '1'}`;
}

/** Ways an intake body is wrong, each refused by the schema with the field named. */
export function intakeCorruptions(good: Record<string, unknown> & { applicant: object }): Corruption[] {
  const applicant = good.applicant as { idNumber: string };
  const id17 = applicant.idNumber.slice(0, 17);
  const wrongId = `${id17}${idNumberCheckChar(id17) === '1' ? '2' : '1'}`;
  const company = {
    kind: 'enterprise',
    name: '梨树县某某有限公司',
    legalRepresentative: '王某',
    phone: '13904340000',
  };
  const cc = creditCode(7);
  const agent = { name: '代理人', idNumber: idNumber(9), phone: '13904340001', powerOfAttorney: true };
  const as = (what: string, over: Record<string, unknown>, path: string): Corruption => [
    what,
    { ...good, ...over },
    path,
  ];
  const person = (over: Record<string, unknown>) => ({ applicant: { ...applicant, ...over } });
  const enterprise = (over: Record<string, unknown>) => ({
    applicant: { ...company, creditCode: cc, ...over },
  });
  const material = (m: Record<string, unknown>) => ({
    materials: [{ materialId: 'm2', form: 'original', ...m }],
  });
  const deferredTo = (dueDate: string) =>
    material({ form: 'deferred', deferral: { promiseSigned: true, dueDate } });
  const many = (n: number, value: unknown) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, value]));
  return [
    ...corruptionsOf(good, { itemId: 'id', decision: 'enum' }),
    ...corruptionsOf(good, { name: 'line', phone: 'line', address: 'optLine' }, 'applicant'),
    as('an ID number with a wrong check digit', person({ idNumber: wrongId }), 'body.applicant.idNumber'),
    as(
      'an ID number born on 30 February',
      person({ idNumber: idNumber(3, '19850230') }),
      'body.applicant.idNumber',
    ),
    as('an ID number of 17 digits', person({ idNumber: id17 }), 'body.applicant.idNumber'),
    as('an ID number sent as a number', person({ idNumber: Number(id17) }), 'body.applicant.idNumber'),
    as('an unknown applicant kind', person({ kind: 'alien' }), 'body.applicant.kind'),
    as(
      'a credit code with a wrong check character',
      enterprise({ creditCode: wrongLast(cc) }),
      'body.applicant.creditCode',
    ),
    as(
      'a credit code with the letter O',
      enterprise({ creditCode: `${cc.slice(0, 10)}O${cc.slice(11)}` }),
      'body.applicant.creditCode',
    ),
    as(
      'no legal representative',
      enterprise({ legalRepresentative: undefined }),
      'body.applicant.legalRepresentative',
    ),
    as(
      'an agent with a wrong check digit',
      { agent: { ...agent, idNumber: wrongId } },
      'body.agent.idNumber',
    ),
    as(
      'an agent without a power of attorney',
      { agent: { ...agent, powerOfAttorney: false } },
      'body.agent.powerOfAttorney',
    ),
    as('a material of an unknown form', material({ form: 'scanned' }), 'body.materials.0.form'),
    as('negative copies', material({ copies: -1 }), 'body.materials.0.copies'),
    as('fractional copies', material({ copies: 1.5 }), 'body.materials.0.copies'),
    as('101 materials', { materials: Array(101).fill(ALL_ORIGINALS[0]) }, 'body.materials'),
    as('a deferral due on 30 February', deferredTo('2026-02-30'), 'body.materials.0.deferral.dueDate'),
    as('a deferral due in month 13', deferredTo('2026-13-01'), 'body.materials.0.deferral.dueDate'),
    as('a form of 201 fields', { form: many(201, 'v') }, 'body.form'),
    as('a form value of 100,000 characters', { form: { shopName: BIG } }, 'body.form.shopName'),
    as('a form value with a NUL', { form: { shopName: 'a\u0000b' } }, 'body.form.shopName'),
    as('a form list of 101 entries', { form: { tags: Array(101).fill('a') } }, 'body.form.tags'),
    as('101 situation answers', { situations: many(101, 'a') }, 'body.situations'),
    as(
      'a refusal reason of 100,000 characters',
      { decision: 'refuse', refusal: { reason: BIG } },
      'body.refusal.reason',
    ),
  ];
}

/** A case as its page shows it, and how many audit rows it has: equal before and after = no change. */
export interface CaseSnapshot {
  page: unknown;
  audited: number;
}

/** Reads the case page (as `reader`) and its audit trail (as `auditor`). */
export async function snapshotOf(reader: Client, auditor: Client, id: string): Promise<CaseSnapshot> {
  const page = await reader.get(`/api/cases/${id}`);
  assert.equal(page.statusCode, 200, page.body);
  const audit = await auditor.get(`/api/audit?entityType=case&entityId=${id}&pageSize=1`);
  assert.equal(audit.statusCode, 200, audit.body);
  return { page: page.json(), audited: (audit.json() as { total: number }).total };
}

/** Asserts that a case is exactly as it was: its page, timeline, version and audit trail. */
export async function assertUnchanged(
  reader: Client,
  auditor: Client,
  {
    id,
    before,
    what,
  }: {
    id: string;
    before: CaseSnapshot;
    /** What was sent, as the assertion messages name it. */
    what: string;
  },
): Promise<void> {
  const after = await snapshotOf(reader, auditor, id);
  assert.deepEqual(after.page, before.page, `the case page is unchanged after ${what}`);
  assert.equal(after.audited, before.audited, `no audit row after ${what}`);
}
