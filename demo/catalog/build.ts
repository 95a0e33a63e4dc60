/**
 * Builders of the demo catalogue: a compact item spec becomes a full item document with the
 * defaults a county guide shows (place, hours, telephone numbers, base materials, form fields).
 * Pure and deterministic: the same spec and department give the same document.
 */
import type {
  CaseType,
  CatalogItemInput,
  DepthFlag,
  DepthSummary,
  GrassrootsLevel,
  ItemType,
  LegalTopic,
  LimitUnit,
  MaterialMedium,
  PersonTopic,
  ServiceObject,
  TongbanScope,
  TrustLevel,
} from '../../contracts/catalog.ts';
import type { DemoDepartmentKey } from '../org.ts';

export type DeptKey = DemoDepartmentKey;
type FormFieldInput = NonNullable<CatalogItemInput['formFields']>[number];

export interface MaterialSpec {
  id?: string;
  name: string;
  issuer?: string;
  originals?: number;
  copies?: number;
  required?: boolean;
  deferrable?: boolean;
  medium?: MaterialMedium;
  shared?: boolean;
  trust?: TrustLevel;
  /** The material is a form the applicant fills in: it has a blank form and a sample. */
  form?: boolean;
  note?: string;
}

export interface SituationSpec {
  id: string;
  question: string;
  answers: { id: string; label: string; materials?: string[]; conditions?: string[] }[];
}

export interface ItemSpec {
  dept: DeptKey;
  name: string;
  type: ItemType;
  basis: string;
  legal: [number | null, LimitUnit, string?];
  promised: [number, LimitUnit, string?];
  objects: ServiceObject[];
  person?: PersonTopic[];
  legalTopics?: LegalTopic[];
  /** Plain conditions get ids c1, c2…; give [id, text] for conditions a situation brings in. */
  conditions: (string | [string, string])[];
  process?: string;
  materials: MaterialSpec[];
  /** Leave out the base materials (ID card, or licence and representative): the spec lists its own. */
  noBase?: boolean;
  /** Adds the 是否委托他人办理？ situation with the power of attorney and the agent's ID card. */
  entrust?: boolean;
  situations?: SituationSpec[];
  result: string;
  depth: DepthSummary;
  visits?: number;
  fee?: [basis: string, standard: string];
  comprehensive?: boolean;
  grassroots?: GrassrootsLevel[];
  caseType?: CaseType;
  fields?: FormFieldInput[];
  faq?: [string, string][];
  tongban?: TongbanScope;
  intermediary?: string;
  quantity?: string;
  special?: string;
  mail?: boolean;
  level?: CatalogItemInput['exerciseLevel'];
}

/** The department as the seed found it in org_units. */
export interface DemoDepartment {
  id: string;
  name: string;
  creditCode: string;
  phone: string;
  index: number;
}

/** A small seeded PRNG (mulberry32): the demo never uses Math.random. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPTH_FLAGS_OF: Record<DepthSummary, DepthFlag[]> = {
  full_online: ['1', '2', '3', '4', '5', '6'],
  online_prereview: ['1', '2', '3'],
  online_submission: ['1', '2'],
  info_only: ['1'],
};

const TYPE_LETTERS: Record<ItemType, string> = {
  '01': 'XK',
  '02': 'CF',
  '03': 'QZ',
  '04': 'ZS',
  '05': 'JF',
  '06': 'JC',
  '07': 'QR',
  '08': 'JL',
  '09': 'CJ',
  '10': 'QT',
  '20': 'GG',
  filing: 'BA',
};
const EXTERNAL_TYPE: Record<ItemType, string> = {
  ...Object.fromEntries(Object.keys(TYPE_LETTERS).map((k) => [k, k])),
  filing: '10',
} as Record<ItemType, string>;

export const CENTRE = '梨树县政务服务中心';
export const HOURS = '周一至周五 上午8:30—11:30，下午13:00—16:30（法定节假日除外）';

const ID_CARD: MaterialSpec = {
  id: 'id-card',
  name: '申请人居民身份证',
  issuer: '公安机关',
  shared: true,
  trust: 'A',
};
const LICENCE: MaterialSpec = {
  id: 'licence',
  name: '营业执照（或统一社会信用代码证书）',
  issuer: '市场监督管理部门',
  shared: true,
  trust: 'A',
};
const LEGAL_REP_ID: MaterialSpec = {
  id: 'rep-id',
  name: '法定代表人（负责人）身份证明',
  issuer: '申请单位',
  trust: 'C',
};

/** The base materials an applicant of this kind always brings. */
function baseMaterials(objects: readonly ServiceObject[]): MaterialSpec[] {
  return objects.includes('1') ? [ID_CARD] : [LICENCE, LEGAL_REP_ID];
}

/** The applicant part of the application form, by kind of applicant. */
function baseFields(objects: readonly ServiceObject[]): FormFieldInput[] {
  if (objects.includes('1')) {
    return [
      { key: 'applicantName', label: '申请人姓名', kind: 'text', required: true },
      { key: 'applicantIdNumber', label: '公民身份号码', kind: 'id_number', required: true },
      { key: 'applicantPhone', label: '联系电话', kind: 'text', required: true },
      { key: 'applicantAddress', label: '现住址', kind: 'address', required: false },
    ];
  }
  return [
    { key: 'unitName', label: '单位名称', kind: 'text', required: true },
    { key: 'unitCreditCode', label: '统一社会信用代码', kind: 'credit_code', required: true },
    { key: 'legalRepresentative', label: '法定代表人', kind: 'text', required: true },
    { key: 'contactPhone', label: '联系电话', kind: 'text', required: true },
    { key: 'unitAddress', label: '住所（经营场所）', kind: 'address', required: true },
  ];
}

/** The 是否委托他人办理？ situation and the two materials it brings in. */
function entrustParts(objects: readonly ServiceObject[]): {
  materials: MaterialSpec[];
  situation: SituationSpec;
} {
  const person = objects.includes('1');
  return {
    materials: [
      {
        id: 'entrust-letter',
        name: person ? '授权委托书' : '单位授权委托书',
        issuer: '申请人',
        form: true,
        trust: 'C',
      },
      {
        id: 'agent-id',
        name: person ? '受托人居民身份证' : '经办人居民身份证',
        issuer: '公安机关',
        shared: true,
        trust: 'A',
      },
    ],
    situation: {
      id: 'entrust',
      question: '是否委托他人办理？',
      answers: [
        { id: 'self', label: person ? '本人办理' : '法定代表人本人办理' },
        { id: 'agent', label: '委托他人办理', materials: ['entrust-letter', 'agent-id'] },
      ],
    },
  };
}

/** A material spec as a document material. */
function material(m: MaterialSpec, i: number): NonNullable<CatalogItemInput['materials']>[number] {
  return {
    id: m.id ?? `m${i + 1}`,
    name: m.name,
    issuer: m.issuer ?? '申请人',
    originals: m.originals ?? 1,
    copies: m.copies ?? (m.shared ? 0 : 1),
    required: m.required ?? true,
    deferrable: m.deferrable ?? false,
    medium: m.medium ?? (m.shared ? 'electronic' : 'either'),
    fromSharedData: m.shared ?? false,
    trustLevel: m.trust ?? 'C',
    blankForm: m.form ? { name: `${m.name}（空白表格）.docx`, fileId: null } : null,
    sample: m.form ? { name: `${m.name}（示例样表）.pdf`, fileId: null } : null,
    note: m.note ?? '',
  };
}

/** The item document of a spec, for a department, with a county-wide serial number. */
export function documentOf(spec: ItemSpec, dept: DemoDepartment, serial: number): CatalogItemInput {
  const comprehensive = spec.comprehensive ?? true;
  const grassroots = spec.grassroots ?? [];
  const entrust = spec.entrust ? entrustParts(spec.objects) : null;
  const base = spec.noBase ? [] : baseMaterials(spec.objects);
  const materials = [...base, ...spec.materials, ...(entrust?.materials ?? [])].map(material);
  const situations = [...(spec.situations ?? []), ...(entrust ? [entrust.situation] : [])].map((s) => ({
    id: s.id,
    question: s.question,
    multiple: false,
    answers: s.answers.map((a) => ({
      id: a.id,
      label: a.label,
      materialIds: a.materials ?? [],
      conditionIds: a.conditions ?? [],
    })),
  }));
  const depthFlags = DEPTH_FLAGS_OF[spec.depth];
  const online = spec.depth !== 'info_only';
  const visits = spec.depth === 'full_online' ? 0 : (spec.visits ?? 1);
  const place = comprehensive
    ? `${CENTRE}一楼综合受理区（任一综合受理窗口）`
    : `${CENTRE}${dept.name.replace(/^梨树县/, '')}专业窗口`;
  const serialText = String(serial).padStart(5, '0');
  return {
    name: spec.name,
    catalogCode: `${TYPE_LETTERS[spec.type]}${serialText}000`,
    implementationCode: `${dept.creditCode}${EXTERNAL_TYPE[spec.type]}${serialText}000`,
    type: spec.type,
    legalBasis: spec.basis,
    exerciseLevel: spec.level ?? '4',
    departmentId: dept.id,
    implementingBody: { name: dept.name, creditCode: dept.creditCode, nature: '1' },
    legalLimit: { value: spec.legal[0], unit: spec.legal[1], note: spec.legal[2] ?? '' },
    promisedLimit: { value: spec.promised[0], unit: spec.promised[1], note: spec.promised[2] ?? '' },
    caseType: spec.caseType ?? (spec.promised[0] === 0 ? '1' : '2'),
    conditions: spec.conditions.map((c, i) =>
      typeof c === 'string' ? { id: `c${i + 1}`, text: c } : { id: c[0], text: c[1] },
    ),
    process:
      spec.process ??
      (online
        ? '1. 申请：申请人通过“吉事办”或到窗口提交申请材料；2. 受理：窗口审查材料，符合要求的予以受理；3. 审查：承办科室审查；4. 决定：作出决定；5. 送达：窗口出件或邮寄送达。'
        : '1. 申请：申请人到窗口提交申请材料；2. 受理：窗口审查材料；3. 审查与决定：承办科室审查并作出决定；4. 送达：统一出件窗口送达。'),
    intermediaryServices: spec.intermediary ?? '无',
    quantityLimit: spec.quantity ?? '无数量限制',
    specialProcedures: spec.special ?? '',
    fee: spec.fee ? { charged: true, basis: spec.fee[0], standard: spec.fee[1] } : { charged: false },
    serviceObjects: spec.objects,
    topics: { person: spec.person ?? [], legal: spec.legalTopics ?? [] },
    handlingForms: online ? ['1', '2', '3'] : ['1'],
    channels: {
      appointment: true,
      onlinePayment: Boolean(spec.fee) && online,
      mail: spec.mail ?? online,
      online,
      onlineUrl: online ? 'https://www.jlzwfw.gov.cn/' : '',
    },
    depthFlags,
    visits,
    tongbanScope: spec.tongban ?? 'none',
    place: grassroots.length
      ? `${place}；各乡镇（街道）便民服务中心${grassroots.includes('village') ? '、村（社区）便民服务站' : ''}`
      : place,
    hours: HOURS,
    consultPhone: dept.phone,
    complaintPhone: '12345',
    faq: (spec.faq ?? []).map(([question, answer]) => ({ question, answer })),
    result: { name: spec.result, sample: { name: `${spec.result}（样本）.pdf`, fileId: null } },
    formFields: [...baseFields(spec.objects), ...(spec.fields ?? [])],
    materials,
    situations,
    window: { inHall: true, comprehensive, grassroots },
  };
}
