import { type CatalogItemInput, CatalogItemShape } from '../../../../contracts/catalog.ts';
import { creditCodeCheckChar } from '../../../../contracts/identifiers.ts';
import type { Platform } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { toJson } from '../../../platform/db/json.ts';
import { nowIso } from '../../../platform/time.ts';
import { projectionOf as itemColumns } from '../../catalog/index.ts';
import { insertItems, insertVersions, syncSearchIndex } from '../../catalog/testing/index.ts';
import { findOrgUnitByCode } from '../../org/index.ts';

/**
 * Published catalogue items for case tests, made through the catalog module's index (the same
 * functions its demo seed uses), so case tests do not depend on the demo catalogue's contents.
 */

export interface TestItemSpec {
  name: string;
  /** Demo org-unit code of the implementing department (220322D01 市场监管, D02 公安 …). */
  departmentCode: string;
  comprehensive?: boolean;
  grassroots?: ('township' | 'village')[];
  promisedDays?: number;
  legalDays?: number;
  /** The unit of both limits: working days by default, or natural days (自然日). */
  limitUnit?: 'working_day' | 'natural_day';
  status?: 'published' | 'retired' | 'draft';
  materials?: CatalogItemInput['materials'];
  formFields?: CatalogItemInput['formFields'];
  situations?: CatalogItemInput['situations'];
}

let serial = 0;

/** A material of a test item. */
export function testMaterial(
  id: string,
  name: string,
  over: { required?: boolean; deferrable?: boolean } = {},
) {
  return {
    id,
    name,
    issuer: '申请人',
    originals: 1,
    copies: 0,
    required: over.required ?? true,
    deferrable: over.deferrable ?? false,
    medium: 'paper' as const,
    fromSharedData: false,
    trustLevel: 'C' as const,
    note: '',
  };
}

/** Inserts a published (or retired, or draft) item and returns its id. */
export async function insertTestItem(platform: Platform, spec: TestItemSpec): Promise<string> {
  const dept = await findOrgUnitByCode(platform.db, spec.departmentCode);
  if (!dept) throw new Error(`no department ${spec.departmentCode}`);
  serial++;
  const body = `${String(serial).padStart(8, '0')}0`;
  const first17 = `11220322${body}`;
  const bodyCredit = `${first17}${creditCodeCheckChar(first17)}`;
  const input: CatalogItemInput = {
    name: spec.name,
    catalogCode: `T${String(serial).padStart(6, '0')}`,
    implementationCode: `TEST-${Date.now().toString(36).toUpperCase()}-${serial}`,
    type: '01',
    legalBasis: '《中华人民共和国行政许可法》',
    exerciseLevel: '4',
    departmentId: dept.id,
    implementingBody: { name: dept.name, creditCode: dept.credit_code ?? bodyCredit, nature: '1' },
    legalLimit: { value: spec.legalDays ?? 20, unit: spec.limitUnit ?? 'working_day', note: '' },
    promisedLimit: { value: spec.promisedDays ?? 10, unit: spec.limitUnit ?? 'working_day', note: '' },
    caseType: '2',
    conditions: [{ id: 'c1', text: '符合法定条件' }],
    process: '受理、审查、决定、送达',
    fee: { charged: false },
    serviceObjects: ['1', '2'],
    topics: { person: [], legal: [] },
    handlingForms: ['1'],
    channels: { appointment: true, onlinePayment: false, mail: true, online: false },
    depthFlags: ['1'],
    visits: 1,
    tongbanScope: 'none',
    place: '梨树县政务服务中心',
    hours: '工作日',
    consultPhone: '0434-5222110',
    complaintPhone: '12345',
    result: { name: `${spec.name}结果` },
    formFields: spec.formFields ?? [],
    materials: spec.materials ?? [testMaterial('m1', '申请书'), testMaterial('m2', '身份证明')],
    situations: spec.situations ?? [],
    window: { inHall: true, comprehensive: spec.comprehensive ?? true, grassroots: spec.grassroots ?? [] },
  };
  const doc = CatalogItemShape.parse(input);
  const now = nowIso();
  const itemId = newId();
  const versionId = newId();
  const status = spec.status ?? 'published';
  const columns = itemColumns(doc, {
    id: dept.id,
    name: dept.name,
    path: dept.path,
    kind: dept.kind,
    creditCode: dept.credit_code,
  });
  await insertItems(platform.db, [
    {
      id: itemId,
      ...columns,
      status,
      published_version_id: status === 'draft' ? null : versionId,
      draft_version_id: status === 'draft' ? versionId : null,
      revision: 1,
      created_at: now,
      updated_at: now,
      published_at: status === 'draft' ? null : now,
    },
  ]);
  await insertVersions(platform.db, [
    {
      id: versionId,
      item_id: itemId,
      number: 1,
      status: status === 'draft' ? 'draft' : status,
      document: toJson(doc),
      created_by: null,
      created_by_name: null,
      created_at: now,
      updated_at: now,
      submitted_by: null,
      submitted_by_name: null,
      submitted_at: null,
      reviewed_by: null,
      reviewed_by_name: null,
      reviewed_at: null,
      approved_by: null,
      published_at: status === 'draft' ? null : now,
      review_note: null,
    },
  ]);
  await syncSearchIndex(platform.db, platform.dialect, [{ id: itemId, ...columns }]);
  return itemId;
}
