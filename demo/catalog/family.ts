/**
 * The long tail of the demo catalogue: families of items that share a legal basis, time limits,
 * applicants and materials, as a county implementation list groups them (食品生产许可（新办）,
 * （变更）, （延续）…). A family becomes item specs; the names are real catalogue names.
 */
import type {
  DepthSummary,
  GrassrootsLevel,
  ItemType,
  LegalTopic,
  PersonTopic,
  ServiceObject,
} from '../../contracts/catalog.ts';
import type { DeptKey, ItemSpec, MaterialSpec } from './build.ts';

export interface Family {
  dept: DeptKey;
  type: ItemType;
  basis: string;
  names: string[];
  objects: ServiceObject[];
  person?: PersonTopic[];
  legalTopics?: LegalTopic[];
  legal?: ItemSpec['legal'];
  promised?: ItemSpec['promised'];
  result?: string;
  conditions?: string[];
  materials?: MaterialSpec[];
  /** May be accepted only at the department's specialist window (chosen until the demo count is met). */
  specialist?: boolean;
  /** May be delegated to grassroots service points (chosen until the demo count is met). */
  grassroots?: GrassrootsLevel[];
  depth?: DepthSummary;
  fee?: ItemSpec['fee'];
}

/** Every head with every tail: 食品生产许可 × （新办）（变更） → 食品生产许可（新办）, … */
export function cross(heads: readonly string[], tails: readonly string[]): string[] {
  return heads.flatMap((h) => tails.map((t) => `${h}${t}`));
}

export const LICENCE_TAILS = ['（新办）', '（变更）', '（延续）', '（注销）', '（补办）'] as const;
export const REGISTRATION_TAILS = ['设立登记', '变更登记', '注销登记', '备案'] as const;

const RESULT_OF: Record<ItemType, string> = {
  '01': '准予行政许可决定书',
  '02': '行政处罚决定书',
  '03': '行政强制决定书',
  '04': '缴款通知书',
  '05': '给付审批结果通知',
  '06': '检查结果通知书',
  '07': '确认结果通知书',
  '08': '奖励决定',
  '09': '行政裁决书',
  '10': '办理结果通知书',
  '20': '办理结果',
  filing: '备案回执',
};

const LIMITS_OF: Record<ItemType, [ItemSpec['legal'], ItemSpec['promised']]> = {
  '01': [
    [20, 'working_day'],
    [10, 'working_day'],
  ],
  '02': [
    [90, 'natural_day'],
    [30, 'working_day'],
  ],
  '03': [
    [30, 'natural_day'],
    [15, 'working_day'],
  ],
  '04': [
    [null, 'working_day'],
    [1, 'working_day'],
  ],
  '05': [
    [null, 'working_day'],
    [15, 'working_day'],
  ],
  '06': [
    [30, 'natural_day'],
    [15, 'working_day'],
  ],
  '07': [
    [20, 'working_day'],
    [5, 'working_day'],
  ],
  '08': [
    [null, 'working_day'],
    [20, 'working_day'],
  ],
  '09': [
    [60, 'natural_day'],
    [30, 'working_day'],
  ],
  '10': [
    [20, 'working_day'],
    [10, 'working_day'],
  ],
  '20': [
    [null, 'working_day'],
    [3, 'working_day'],
  ],
  filing: [
    [null, 'working_day', '材料齐全的当场备案'],
    [0, 'working_day'],
  ],
};

const CONDITION_OF: Record<ItemType, string> = {
  '01': '申请人符合法律、法规规定的许可条件，申请材料齐全、符合法定形式',
  '02': '依法应当给予行政处罚的违法行为',
  '03': '依法应当采取行政强制措施的情形',
  '04': '依法负有缴纳义务',
  '05': '符合法律、法规和政策规定的给付对象和条件',
  '06': '依法应当接受检查的单位或个人',
  '07': '符合法律、法规规定的确认条件，申请材料齐全、符合法定形式',
  '08': '符合表彰奖励条件',
  '09': '当事人之间发生与行政管理活动密切相关的民事纠纷',
  '10': '符合法律、法规和规章规定的办理条件',
  '20': '符合办理条件，申请材料齐全',
  filing: '依法应当备案的事项，备案材料齐全',
};

/** A long-tail spec with what the assembler still decides: depth, specialist window, grassroots. */
export type TailSpec = ItemSpec & {
  depthFixed: boolean;
  specialistCandidate: boolean;
  grassrootsCandidate: GrassrootsLevel[];
};

const APPLICATION: MaterialSpec = { name: '申请表', form: true };

/** The item specs of a family, one per name. */
export function specsOf(f: Family): TailSpec[] {
  const [legal, promised] = LIMITS_OF[f.type];
  return f.names.map((name) => ({
    dept: f.dept,
    name,
    type: f.type,
    basis: f.basis,
    legal: f.legal ?? legal,
    promised: f.promised ?? promised,
    objects: f.objects,
    person: f.person,
    legalTopics: f.legalTopics,
    conditions: f.conditions ?? [CONDITION_OF[f.type]],
    materials: [{ ...APPLICATION, name: `${name.replace(/（.*）$/, '')}申请表` }, ...(f.materials ?? [])],
    entrust: true,
    result: f.result ?? RESULT_OF[f.type],
    depth: f.depth ?? 'online_prereview',
    fee: f.fee,
    depthFixed: f.depth !== undefined,
    specialistCandidate: f.specialist ?? false,
    grassrootsCandidate: f.grassroots ?? [],
  }));
}
