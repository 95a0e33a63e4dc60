/**
 * The import/export workbook's layout: one table of columns per sheet, headed by the GB/T 39046
 * Chinese field names (plus this platform's window flags), each with the document path it fills,
 * how its cells are read and written, and the note shown on its header. Pure data and helpers.
 */
import {
  BODY_NATURES,
  CASE_TYPES,
  DEPTH_FLAGS,
  EXERCISE_LEVELS,
  FORM_FIELD_KINDS,
  HANDLING_FORMS,
  LIMIT_UNITS,
  MATERIAL_MEDIA,
  SERVICE_OBJECTS,
  TONGBAN_SCOPES,
  TRUST_LEVELS,
} from '../../../../contracts/catalog-codes.ts';

/** Multi-valued cells separate their values with 、 (also accepted: ， , ； ; and line breaks). */
export const LIST_SEPARATOR = '、';

/** How a column's cells become document values and back. */
export type CellKind =
  | 'text'
  | 'int'
  | 'intOrNull'
  | 'flag'
  | 'code'
  | 'codes'
  | 'words'
  | 'file'
  /** Read and written by the sheet codec itself (type, department, conditions, references). */
  | 'custom';

export interface Column {
  header: string;
  /** Dot path inside the record the row fills (the item document, a material, a situation answer…). */
  path: string;
  kind: CellKind;
  /** code/codes: the code list (code → label). */
  codes?: Readonly<Record<string, string>>;
  /** Write the label instead of the code (units, scopes: their codes are internal words). */
  writeLabel?: boolean;
  /** Extra labels accepted on import (short forms such as 乡镇 for township). */
  aliases?: Readonly<Record<string, string>>;
  /** A file may leave this column out (labels and ids the import can derive). */
  optional?: boolean;
  note?: string;
  width?: number;
}

export const SHEETS = {
  items: '事项',
  materials: '材料',
  situations: '情形',
  faq: '常见问题',
  formFields: '表单字段',
  readme: '填写说明',
} as const;

/** The 实施编码 column that keys every sheet after 事项. */
export const KEY_HEADER = '实施编码';

const FLAG_NOTE = '填“是”或“否”（也可填 1/0），空白视为“否”';
const LIST_NOTE = `多个值用“${LIST_SEPARATOR}”分隔`;

/** The note of a code column: the allowed codes with their meanings. */
export function codesNote(
  codes: Readonly<Record<string, string>>,
  writeLabel = false,
  multi = false,
): string {
  const values = Object.entries(codes).map(([c, l]) => (writeLabel ? l : `${c}=${l}`));
  return `${writeLabel ? '可选' : '代码'}：${values.join('；')}${multi ? `。${LIST_NOTE}` : ''}`;
}

/** Code columns without a note of their own get the list of allowed codes as their note. */
function withCodeNotes(columns: Column[]): Column[] {
  return columns.map((c) =>
    c.note || !c.codes ? c : { ...c, note: codesNote(c.codes, c.writeLabel, c.kind === 'codes') },
  );
}

const GRASSROOTS_SHORT = { township: '乡镇', village: '村' } as const;

/** Sheet 事项: one row per item, the GB/T 39046 Table 4 elements in the standard's order. */
export const ITEM_COLUMNS: readonly Column[] = withCodeNotes([
  { header: '事项名称', path: 'name', kind: 'text', width: 30 },
  { header: '基本编码', path: 'catalogCode', kind: 'text', width: 14 },
  {
    header: KEY_HEADER,
    path: 'implementationCode',
    kind: 'text',
    width: 32,
    note: '全县唯一；材料、情形等工作表以此关联',
  },
  {
    header: '事项类型',
    path: 'type',
    kind: 'custom',
    optional: true,
    note: '类型名称，可不填；行政备案须填“行政备案”且类型代码填 10',
  },
  {
    header: '事项类型代码',
    path: 'type',
    kind: 'custom',
    note: '01=行政许可；02=行政处罚；03=行政强制；04=行政征收；05=行政给付；06=行政检查；07=行政确认；08=行政奖励；09=行政裁决；10=其他行政权力（含行政备案）；20=公共服务',
  },
  { header: '设定依据', path: 'legalBasis', kind: 'text', width: 40 },
  { header: '行使层级代码', path: 'exerciseLevel', kind: 'code', codes: EXERCISE_LEVELS },
  { header: '权限划分', path: 'powerDivision', kind: 'text' },
  { header: '行使内容', path: 'exerciseContent', kind: 'text' },
  {
    header: '实施部门',
    path: 'departmentId',
    kind: 'custom',
    width: 24,
    note: '本县机构名称或机构编码（承办机构）',
  },
  { header: '实施主体', path: 'implementingBody.name', kind: 'text', width: 24 },
  {
    header: '实施主体代码',
    path: 'implementingBody.creditCode',
    kind: 'text',
    width: 22,
    note: '18位统一社会信用代码（校验位须正确）',
  },
  { header: '实施主体性质代码', path: 'implementingBody.nature', kind: 'code', codes: BODY_NATURES },
  { header: '共同实施部门', path: 'coDepartments', kind: 'words', note: LIST_NOTE },
  { header: '法定办结时限', path: 'legalLimit.value', kind: 'intOrNull', note: '整数；法律未规定时限的留空' },
  { header: '法定办结时限单位', path: 'legalLimit.unit', kind: 'code', codes: LIMIT_UNITS, writeLabel: true },
  { header: '法定办结时限说明', path: 'legalLimit.note', kind: 'text' },
  { header: '承诺办结时限', path: 'promisedLimit.value', kind: 'int', note: '整数，不得长于法定办结时限' },
  {
    header: '承诺办结时限单位',
    path: 'promisedLimit.unit',
    kind: 'code',
    codes: LIMIT_UNITS,
    writeLabel: true,
  },
  { header: '承诺办结时限说明', path: 'promisedLimit.note', kind: 'text' },
  { header: '办件类型代码', path: 'caseType', kind: 'code', codes: CASE_TYPES },
  {
    header: '受理条件',
    path: 'conditions',
    kind: 'custom',
    width: 40,
    note: '每行一条；可写“编号：条件”（如 c1：年满18周岁），情形按编号引用',
  },
  { header: '办理流程', path: 'process', kind: 'text', width: 30 },
  { header: '中介服务', path: 'intermediaryServices', kind: 'text' },
  { header: '数量限制', path: 'quantityLimit', kind: 'text' },
  { header: '特别程序', path: 'specialProcedures', kind: 'text' },
  { header: '是否收费', path: 'fee.charged', kind: 'flag', note: FLAG_NOTE },
  { header: '收费依据', path: 'fee.basis', kind: 'text', note: '收费事项必填' },
  { header: '收费标准', path: 'fee.standard', kind: 'text' },
  { header: '服务对象代码', path: 'serviceObjects', kind: 'codes', codes: SERVICE_OBJECTS },
  {
    header: '自然人服务主题',
    path: 'topics.person',
    kind: 'words',
    note: `国家平台自然人服务主题名称，${LIST_NOTE}`,
  },
  {
    header: '法人服务主题',
    path: 'topics.legal',
    kind: 'words',
    note: `国家平台法人服务主题名称，${LIST_NOTE}`,
  },
  { header: '办理形式代码', path: 'handlingForms', kind: 'codes', codes: HANDLING_FORMS },
  { header: '是否支持预约办理', path: 'channels.appointment', kind: 'flag', note: FLAG_NOTE },
  { header: '是否支持网上支付', path: 'channels.onlinePayment', kind: 'flag', note: FLAG_NOTE },
  { header: '是否支持物流快递', path: 'channels.mail', kind: 'flag', note: FLAG_NOTE },
  { header: '是否网办', path: 'channels.online', kind: 'flag', note: FLAG_NOTE },
  { header: '网办地址', path: 'channels.onlineUrl', kind: 'text' },
  { header: '网办深度代码', path: 'depthFlags', kind: 'codes', codes: DEPTH_FLAGS },
  { header: '到现场次数', path: 'visits', kind: 'int', note: '0—3；全程网办事项为 0' },
  { header: '通办范围', path: 'tongbanScope', kind: 'code', codes: TONGBAN_SCOPES, writeLabel: true },
  { header: '办理地点', path: 'place', kind: 'text', width: 30 },
  { header: '办理时间', path: 'hours', kind: 'text', width: 24 },
  { header: '咨询电话', path: 'consultPhone', kind: 'text', width: 14 },
  { header: '监督电话', path: 'complaintPhone', kind: 'text', width: 14 },
  { header: '结果名称', path: 'result.name', kind: 'text', width: 20 },
  { header: '结果样本', path: 'result.sample', kind: 'file', optional: true, note: '样本文件名，可不填' },
  { header: '是否进驻政务服务大厅', path: 'window.inHall', kind: 'flag', note: FLAG_NOTE },
  {
    header: '是否无差别全科受理',
    path: 'window.comprehensive',
    kind: 'flag',
    note: `${FLAG_NOTE}；须进驻大厅`,
  },
  {
    header: '下沉层级',
    path: 'window.grassroots',
    kind: 'codes',
    codes: GRASSROOTS_SHORT,
    writeLabel: true,
    aliases: { '乡镇（街道）便民服务中心': 'township', '村（社区）便民服务站': 'village' },
  },
]);

/** Sheet 材料: one row per material, keyed by 实施编码. */
export const MATERIAL_COLUMNS: readonly Column[] = withCodeNotes([
  { header: KEY_HEADER, path: '', kind: 'custom', width: 32 },
  {
    header: '材料编号',
    path: 'id',
    kind: 'text',
    optional: true,
    note: '小写字母、数字、_ 或 -；留空自动编号 m1、m2…；情形按编号或名称引用',
  },
  { header: '材料名称', path: 'name', kind: 'text', width: 28 },
  { header: '出具机构', path: 'issuer', kind: 'text', width: 20 },
  { header: '原件份数', path: 'originals', kind: 'int' },
  { header: '复印件份数', path: 'copies', kind: 'int' },
  { header: '是否必备材料', path: 'required', kind: 'flag', note: FLAG_NOTE },
  { header: '容缺', path: 'deferrable', kind: 'flag', note: `可容缺受理：${FLAG_NOTE}` },
  { header: '介质', path: 'medium', kind: 'code', codes: MATERIAL_MEDIA, writeLabel: true },
  { header: '可共享获取', path: 'fromSharedData', kind: 'flag', note: FLAG_NOTE },
  { header: '信任等级', path: 'trustLevel', kind: 'code', codes: TRUST_LEVELS },
  { header: '空白表格', path: 'blankForm', kind: 'file', optional: true, note: '文件名，可不填' },
  { header: '示例样表', path: 'sample', kind: 'file', optional: true, note: '文件名，可不填' },
  { header: '备注', path: 'note', kind: 'text', width: 24 },
]);

/** Sheet 情形: one row per answer; rows with the same 情形编号 (or question) form one situation. */
export const SITUATION_COLUMNS: readonly Column[] = [
  { header: KEY_HEADER, path: '', kind: 'custom', width: 32 },
  {
    header: '情形编号',
    path: 'id',
    kind: 'text',
    optional: true,
    note: '留空自动编号；同一情形的各选项行编号相同',
  },
  { header: '问题', path: 'question', kind: 'text', width: 28 },
  { header: '是否可多选', path: 'multiple', kind: 'flag', optional: true, note: FLAG_NOTE },
  { header: '选项编号', path: 'answers.id', kind: 'text', optional: true, note: '留空自动编号' },
  { header: '答案', path: 'answers.label', kind: 'text', width: 20 },
  {
    header: '适用材料',
    path: 'answers.materialIds',
    kind: 'custom',
    width: 24,
    note: `选择此答案时需要的材料（编号或名称），${LIST_NOTE}`,
  },
  {
    header: '适用受理条件',
    path: 'answers.conditionIds',
    kind: 'custom',
    optional: true,
    note: `受理条件编号，${LIST_NOTE}`,
  },
];

/** Sheet 常见问题: one row per question. */
export const FAQ_COLUMNS: readonly Column[] = [
  { header: KEY_HEADER, path: '', kind: 'custom', width: 32 },
  { header: '问题', path: 'question', kind: 'text', width: 30 },
  { header: '解答', path: 'answer', kind: 'text', width: 50 },
];

/** Sheet 表单字段: the applicant form, one row per field. */
export const FORM_FIELD_COLUMNS: readonly Column[] = [
  { header: KEY_HEADER, path: '', kind: 'custom', width: 32 },
  { header: '字段标识', path: 'key', kind: 'text', note: '字母开头，只含字母、数字和下划线' },
  { header: '字段名称', path: 'label', kind: 'text', width: 20 },
  {
    header: '字段类型',
    path: 'kind',
    kind: 'code',
    codes: FORM_FIELD_KINDS,
    writeLabel: true,
    note: codesNote(FORM_FIELD_KINDS, true),
  },
  { header: '是否必填', path: 'required', kind: 'flag', note: FLAG_NOTE },
  { header: '选项', path: 'options', kind: 'words', note: `选项类字段的选项，${LIST_NOTE}` },
  { header: '提示', path: 'hint', kind: 'text' },
];

/** Every data sheet in workbook order, with its columns; 事项 is the only one a file must have. */
export const DATA_SHEETS = [
  { name: SHEETS.items, columns: ITEM_COLUMNS },
  { name: SHEETS.materials, columns: MATERIAL_COLUMNS },
  { name: SHEETS.situations, columns: SITUATION_COLUMNS },
  { name: SHEETS.faq, columns: FAQ_COLUMNS },
  { name: SHEETS.formFields, columns: FORM_FIELD_COLUMNS },
] as const;
