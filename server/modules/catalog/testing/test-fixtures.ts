import type { CatalogItemInput } from '../../../../contracts/catalog.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { listAllOrgUnits } from '../../org/index.ts';

/** A department of the seeded demo, by name: what a test needs to write an item for it. */
export async function demoDepartment(
  db: Executor,
  name: string,
): Promise<{ id: string; creditCode: string }> {
  const unit = (await listAllOrgUnits(db)).find((u) => u.name === name);
  if (!unit?.credit_code) throw new Error(`no demo department ${name}`);
  return { id: unit.id, creditCode: unit.credit_code };
}

/** A complete, valid item document (a food-related licence) for a department; override any field. */
export function sampleItem(
  department: { id: string; creditCode: string },
  overrides: Partial<CatalogItemInput> = {},
): CatalogItemInput {
  return {
    name: '测试食品摊贩备案',
    catalogCode: 'BA99901000',
    implementationCode: `${department.creditCode}1099901000`,
    type: 'filing',
    legalBasis: '《中华人民共和国食品安全法》第三十六条',
    exerciseLevel: '4',
    departmentId: department.id,
    implementingBody: { name: '梨树县市场监督管理局', creditCode: department.creditCode, nature: '1' },
    legalLimit: { value: 20, unit: 'working_day', note: '' },
    promisedLimit: { value: 5, unit: 'working_day', note: '' },
    caseType: '2',
    conditions: [{ id: 'c1', text: '在本县从事食品摊贩经营' }],
    process: '申请、受理、审查、备案',
    fee: { charged: false },
    serviceObjects: ['1'],
    topics: { person: ['准营准办'], legal: [] },
    handlingForms: ['1', '2'],
    channels: { appointment: true, onlinePayment: false, mail: false, online: true },
    depthFlags: ['1', '2', '3'],
    visits: 1,
    tongbanScope: 'none',
    place: '梨树县政务服务中心一楼综合受理区',
    hours: '周一至周五 8:30—16:30',
    consultPhone: '0434-5223000',
    complaintPhone: '12345',
    result: { name: '备案回执' },
    materials: [
      {
        id: 'id-card',
        name: '居民身份证',
        issuer: '公安机关',
        originals: 1,
        copies: 0,
        required: true,
        deferrable: false,
        medium: 'electronic',
        fromSharedData: true,
        trustLevel: 'A',
      },
      {
        id: 'entrust-letter',
        name: '授权委托书',
        issuer: '申请人',
        originals: 1,
        copies: 0,
        required: true,
        deferrable: false,
        medium: 'paper',
        fromSharedData: false,
        trustLevel: 'C',
      },
    ],
    situations: [
      {
        id: 'entrust',
        question: '是否委托他人办理？',
        answers: [
          { id: 'self', label: '本人办理' },
          { id: 'agent', label: '委托他人办理', materialIds: ['entrust-letter'] },
        ],
      },
    ],
    formFields: [{ key: 'applicantIdNumber', label: '公民身份号码', kind: 'id_number', required: true }],
    window: { inHall: true, comprehensive: true, grassroots: [] },
    ...overrides,
  };
}
