/**
 * Code lists of the service catalogue (GB/T 39046-2020 Annex A and the national platform's
 * dictionaries). Internal codes are the standard's codes where the standard has one; where it has
 * none (行政备案) the internal code is a word and `ITEM_TYPE_EXTERNAL_CODE` says how it is exported.
 * Nothing here imports zod: the phone portal reads these labels.
 */
import { codesOf } from './code-list.ts';

/** A.1 事项类型. '00' (行政权力事项) is an umbrella, never an item's own type, so it is not listed. */
export const ITEM_TYPES = {
  '01': '行政许可',
  '02': '行政处罚',
  '03': '行政强制',
  '04': '行政征收',
  '05': '行政给付',
  '06': '行政检查',
  '07': '行政确认',
  '08': '行政奖励',
  '09': '行政裁决',
  '10': '其他行政权力',
  '20': '公共服务',
  /** 行政备案: no code in the 2020 list; internal only, exported as '10' (see ITEM_TYPE_EXTERNAL_CODE). */
  filing: '行政备案',
} as const;
export type ItemType = keyof typeof ITEM_TYPES;
export const ITEM_TYPE_CODES = codesOf(ITEM_TYPES);

/**
 * How an internal type is written in a GB/T 39046 A.1 exchange file. 行政备案 has no 2020 code; the
 * provincial catalogues that predate a dedicated code list it under 其他行政权力, so it leaves as '10'
 * and an import maps '10' back to '10' (the original type is kept in the item's own document).
 */
export const ITEM_TYPE_EXTERNAL_CODE: Record<ItemType, string> = {
  '01': '01',
  '02': '02',
  '03': '03',
  '04': '04',
  '05': '05',
  '06': '06',
  '07': '07',
  '08': '08',
  '09': '09',
  '10': '10',
  '20': '20',
  filing: '10',
};

/** A.2 行使层级. */
export const EXERCISE_LEVELS = {
  '1': '国家级',
  '2': '省级',
  '3': '市级',
  '4': '县级',
  '5': '镇（乡、街道）级',
  '6': '村（社区）级',
  '7': '分级管理',
} as const;
export type ExerciseLevel = keyof typeof EXERCISE_LEVELS;
export const EXERCISE_LEVEL_CODES = codesOf(EXERCISE_LEVELS);

/** A.3 实施主体性质. */
export const BODY_NATURES = { '1': '法定机关', '2': '授权组织', '3': '受委托组织', '9': '其他' } as const;
export type BodyNature = keyof typeof BODY_NATURES;
export const BODY_NATURE_CODES = codesOf(BODY_NATURES);

/** A.4 服务对象. */
export const SERVICE_OBJECTS = {
  '1': '自然人',
  '2': '企业法人',
  '3': '事业法人',
  '4': '社会组织法人',
  '5': '行政机关',
  '6': '其他组织',
} as const;
export type ServiceObject = keyof typeof SERVICE_OBJECTS;
export const SERVICE_OBJECT_CODES = codesOf(SERVICE_OBJECTS);
/** The portal's two audiences: 个人 is 自然人; 法人 is any of the three kinds of legal person. */
export const AUDIENCE_OBJECTS = { person: ['1'], legal: ['2', '3', '4'] } as const satisfies Record<
  string,
  readonly ServiceObject[]
>;
export type Audience = keyof typeof AUDIENCE_OBJECTS;

/** A.5 办理形式. */
export const HANDLING_FORMS = {
  '1': '窗口办理',
  '2': '电脑端网上办理',
  '3': '移动端网上申请',
  '4': '快递申请',
  '9': '其他',
} as const;
export type HandlingForm = keyof typeof HANDLING_FORMS;
export const HANDLING_FORM_CODES = codesOf(HANDLING_FORMS);

/** A.6 办件类型. */
export const CASE_TYPES = { '1': '即办件', '2': '承诺件', '9': '其他' } as const;
export type CaseType = keyof typeof CASE_TYPES;
export const CASE_TYPE_CODES = codesOf(CASE_TYPES);

/** 网办深度: the national dictionary's levels; an item carries a set of them. */
export const DEPTH_FLAGS = {
  '1': '互联网咨询',
  '2': '互联网收件',
  '3': '互联网预审',
  '4': '互联网受理',
  '5': '互联网办理',
  '6': '互联网办理结果信息反馈',
  '7': '互联网电子证照反馈',
  '8': '其他',
} as const;
export type DepthFlag = keyof typeof DEPTH_FLAGS;
export const DEPTH_FLAG_CODES = codesOf(DEPTH_FLAGS);

/** The four-value summary of the depth set that portals and indicators use. */
export const DEPTH_SUMMARIES = {
  full_online: '全程网办',
  online_prereview: '网上预审',
  online_submission: '网上申报',
  info_only: '仅信息公开',
} as const;
export type DepthSummary = keyof typeof DEPTH_SUMMARIES;
export const DEPTH_SUMMARY_CODES = codesOf(DEPTH_SUMMARIES);

/**
 * Derives the summary: 受理 and 办理 online is 全程网办; online pre-review (or online acceptance
 * without online handling) is 网上预审; online submission is 网上申报; anything else only publishes.
 */
export function depthSummaryOf(flags: readonly DepthFlag[]): DepthSummary {
  const has = (f: DepthFlag) => flags.includes(f);
  if (has('4') && has('5')) return 'full_online';
  if (has('3') || has('4')) return 'online_prereview';
  if (has('2')) return 'online_submission';
  return 'info_only';
}

/** 通办范围 (GB/T 39046 Table 4 #33: 全国 / 跨省 / 跨市 / 跨县), plus 'none' for items not 通办. */
export const TONGBAN_SCOPES = {
  none: '不通办',
  cross_county: '跨县通办',
  cross_city: '跨市通办',
  cross_province: '跨省通办',
  national: '全国通办',
} as const;
export type TongbanScope = keyof typeof TONGBAN_SCOPES;
export const TONGBAN_SCOPE_CODES = codesOf(TONGBAN_SCOPES);

/** 时限单位. */
export const LIMIT_UNITS = { working_day: '工作日', natural_day: '自然日' } as const;
export type LimitUnit = keyof typeof LIMIT_UNITS;
export const LIMIT_UNIT_CODES = codesOf(LIMIT_UNITS);

/** Material trust levels of 国办函〔2016〕108号: A issuer-sealed … D self-declared. */
export const TRUST_LEVELS = {
  A: '可信度A（出具机关电子签章，可直接使用）',
  B: '可信度B（窗口核验原件，可复用）',
  C: '可信度C（申请人上传，须核验原件）',
  D: '可信度D（申请人承诺真实，可直接使用）',
} as const;
export type TrustLevel = keyof typeof TRUST_LEVELS;
export const TRUST_LEVEL_CODES = codesOf(TRUST_LEVELS);

/** How a material is supplied on paper or electronically. */
export const MATERIAL_MEDIA = { paper: '纸质', electronic: '电子', either: '纸质或电子' } as const;
export type MaterialMedium = keyof typeof MATERIAL_MEDIA;
export const MATERIAL_MEDIUM_CODES = codesOf(MATERIAL_MEDIA);

/** Kinds of applicant form fields; id_number and credit_code are checked by their check digits. */
export const FORM_FIELD_KINDS = {
  text: '文本',
  number: '数字',
  date: '日期',
  choice: '选项',
  id_number: '公民身份号码',
  credit_code: '统一社会信用代码',
  address: '地址',
  attachment: '附件',
} as const;
export type FormFieldKind = keyof typeof FORM_FIELD_KINDS;
export const FORM_FIELD_KIND_CODES = codesOf(FORM_FIELD_KINDS);

/** Grassroots levels an item is delegated to (下沉): township centres and village stations. */
export const GRASSROOTS_LEVELS = {
  township: '乡镇（街道）便民服务中心',
  village: '村（社区）便民服务站',
} as const;
export type GrassrootsLevel = keyof typeof GRASSROOTS_LEVELS;
export const GRASSROOTS_LEVEL_CODES = codesOf(GRASSROOTS_LEVELS);

/** 自然人服务主题 as the national platform lists them (labels are the codes here). */
export const PERSON_TOPICS = [
  '生育收养',
  '户籍办理',
  '民族宗教',
  '教育科研',
  '入伍服役',
  '就业创业',
  '设立变更',
  '准营准办',
  '抵押质押',
  '职业资格',
  '行政缴费',
  '婚姻登记',
  '优待抚恤',
  '规划建设',
  '住房保障',
  '社会保障',
  '证件办理',
  '交通出行',
  '旅游观光',
  '出境入境',
  '消费维权',
  '公共安全',
  '司法公正',
  '知识产权',
  '环保绿化',
  '文化体育',
  '公用事业',
  '医疗卫生',
  '离职退休',
  '死亡殡葬',
  '其他',
] as const;
export type PersonTopic = (typeof PERSON_TOPICS)[number];

/** 法人服务主题 as the national platform lists them. */
export const LEGAL_TOPICS = [
  '设立变更',
  '准营准办',
  '资质认证',
  '年检年审',
  '税收财务',
  '人力资源',
  '社会保障',
  '投资审批',
  '融资信贷',
  '抵押质押',
  '商务贸易',
  '招标拍卖',
  '涉外服务',
  '农林牧渔',
  '规划建设',
  '交通运输',
  '环保绿化',
  '水务气象',
  '医疗卫生',
  '科技创新',
  '文体教育',
  '知识产权',
  '民族宗教',
  '质量技术',
  '安全生产',
  '公安消防',
  '司法公证',
  '公用事业',
  '法人注销',
  '档案文物',
  '其他',
] as const;
export type LegalTopic = (typeof LEGAL_TOPICS)[number];

/** Every topic label, for the search filter. */
export const ALL_TOPICS = [...new Set<string>([...PERSON_TOPICS, ...LEGAL_TOPICS])];
