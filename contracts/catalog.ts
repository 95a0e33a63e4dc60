/**
 * The service item document (政务服务事项, GB/T 39046 Table 4) with its materials, situations
 * (情形), form fields and window flags. One schema validates what an editor saves, what an import
 * brings and what the demo generates; every message names the field in Chinese, and has an English
 * wording beside it for Accept-Language: en (contracts/problem.ts).
 */
import { z } from 'zod';
import {
  BODY_NATURE_CODES,
  CASE_TYPE_CODES,
  DEPTH_FLAG_CODES,
  type DepthSummary,
  depthSummaryOf,
  EXERCISE_LEVEL_CODES,
  FORM_FIELD_KIND_CODES,
  GRASSROOTS_LEVEL_CODES,
  HANDLING_FORM_CODES,
  ITEM_TYPE_CODES,
  LEGAL_TOPICS,
  LIMIT_UNIT_CODES,
  LIMIT_UNITS,
  type LimitUnit,
  MATERIAL_MEDIUM_CODES,
  PERSON_TOPICS,
  SERVICE_OBJECT_CODES,
  TONGBAN_SCOPE_CODES,
  TRUST_LEVEL_CODES,
} from './catalog-codes.ts';
import {
  catalogueCode,
  codeOf,
  codeSet,
  creditCode,
  fileRef,
  flag,
  int,
  localId,
  optText,
  optWebAddress,
  phone,
  text,
} from './catalog-fields.ts';
import { plainText } from './plain-text.ts';
import { bilingual, problemIssue } from './problem.ts';

export * from './catalog-codes.ts';
export { answersTo, applicableFor, type ChosenAnswers } from './catalog-situations.ts';

/** A time limit: value, unit (工作日 / 自然日) and a note. */
function timeLimit(label: string) {
  return z.object({
    value: int(label, 0, 3650),
    unit: codeOf(`${label}单位`, LIMIT_UNIT_CODES),
    note: optText(`${label}说明`, 1000),
  });
}

/** 法定办结时限; `value: null` when no law sets one (common for 公共服务). */
export const LegalLimit = timeLimit('法定办结时限').extend({
  value: int('法定办结时限', 0, 3650).nullable(),
});
/** 承诺办结时限: never longer than the legal one (compared in comparable units). */
export const PromisedLimit = timeLimit('承诺办结时限');

/** 受理条件: one condition; situations may add conditions by id. */
export const Condition = z.object({
  id: localId('受理条件编号'),
  text: text('受理条件', 1000),
});

/** 申请材料. */
export const Material = z.object({
  id: localId('材料编号'),
  name: text('材料名称', 200),
  issuer: text('出具机构', 200),
  originals: int('原件份数', 0, 99),
  copies: int('复印件份数', 0, 99),
  required: flag('是否必备材料'),
  /** 容缺: may be accepted while missing, on a signed promise to supply it. */
  deferrable: flag('是否可容缺'),
  medium: codeOf('材料形式', MATERIAL_MEDIUM_CODES),
  fromSharedData: flag('是否可通过共享获取'),
  trustLevel: codeOf('材料可信度', TRUST_LEVEL_CODES),
  blankForm: fileRef('空白表格'),
  sample: fileRef('示例样表'),
  note: optText('材料备注', 1000),
});
export type MaterialDoc = z.infer<typeof Material>;

/** One answer of a situation question: choosing it brings these materials and conditions in. */
export const SituationAnswer = z.object({
  id: localId('情形选项编号'),
  label: text('情形选项', 200),
  materialIds: z.array(localId('关联材料编号')).max(100).default([]),
  conditionIds: z.array(localId('关联受理条件编号')).max(100).default([]),
});

/** 情形: a question whose answers select materials and conditions (是否委托他人办理? → 授权委托书). */
export const Situation = z.object({
  id: localId('情形编号'),
  question: text('情形问题', 200),
  multiple: flag('是否可多选').default(false),
  answers: z
    .array(SituationAnswer)
    .min(2, bilingual('情形选项至少两个', 'A situation needs at least two answers'))
    .max(20, bilingual('情形选项不能超过20个', 'A situation has at most 20 answers')),
});

/** A field of the item's application form. */
export const FormField = z.object({
  key: z
    .string(bilingual('表单字段标识必填', 'Required'))
    .regex(
      /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/,
      bilingual(
        '表单字段标识应以字母开头，只含字母、数字和下划线',
        'A form field key starts with a letter and holds only letters, digits and _',
      ),
    )
    .describe('表单字段标识'),
  label: text('表单字段名称', 100),
  kind: codeOf('表单字段类型', FORM_FIELD_KIND_CODES),
  required: flag('表单字段是否必填'),
  options: z.array(text('表单选项', 100)).max(100).default([]),
  hint: optText('表单字段提示', 200),
});

export const Faq = z.object({ question: text('常见问题', 500), answer: text('常见问题解答', 2000) });

/** The shape of an item document, without the cross-field rules (responses use this one). */
export const CatalogItemShape = z.object({
  name: text('事项名称', 200),
  catalogCode: catalogueCode('基本编码', 50),
  implementationCode: catalogueCode('实施编码', 50),
  type: codeOf('事项类型', ITEM_TYPE_CODES),
  legalBasis: text('设定依据', 8000),
  exerciseLevel: codeOf('行使层级', EXERCISE_LEVEL_CODES),
  powerDivision: optText('权限划分', 1000),
  exerciseContent: optText('行使内容', 1000),
  departmentId: plainText(
    z
      .string(bilingual('实施部门必填', 'Required'))
      .trim()
      .min(1, bilingual('实施部门不能为空', 'Must not be empty'))
      .max(64, bilingual('实施部门编号不能超过64个字符', 'At most 64 characters')),
    { multiline: false, label: '实施部门' },
  ).describe('实施部门（机构编号）'),
  implementingBody: z.object({
    name: text('实施主体名称', 100),
    creditCode: creditCode('实施主体统一社会信用代码'),
    nature: codeOf('实施主体性质', BODY_NATURE_CODES),
  }),
  coDepartments: z.array(text('共同实施部门', 100)).max(20).default([]),
  legalLimit: LegalLimit,
  promisedLimit: PromisedLimit,
  caseType: codeOf('办件类型', CASE_TYPE_CODES),
  conditions: z
    .array(Condition)
    .min(1, bilingual('受理条件至少一条', 'At least one condition of acceptance'))
    .max(100),
  process: text('办理流程', 4000),
  intermediaryServices: optText('中介服务', 1000),
  quantityLimit: optText('数量限制', 1000),
  specialProcedures: optText('特别程序', 1000),
  fee: z.object({
    charged: flag('是否收费'),
    basis: optText('收费依据', 1000),
    standard: optText('收费标准', 1000),
  }),
  serviceObjects: codeSet('服务对象', SERVICE_OBJECT_CODES, 1),
  topics: z.object({
    person: codeSet('自然人服务主题', PERSON_TOPICS).default([]),
    legal: codeSet('法人服务主题', LEGAL_TOPICS).default([]),
  }),
  handlingForms: codeSet('办理形式', HANDLING_FORM_CODES, 1),
  channels: z.object({
    appointment: flag('是否支持预约办理'),
    onlinePayment: flag('是否支持网上支付'),
    mail: flag('是否支持物流快递'),
    online: flag('是否网办'),
    onlineUrl: optWebAddress('网办地址', 500),
  }),
  depthFlags: codeSet('网办深度', DEPTH_FLAG_CODES, 1),
  visits: int('到现场次数', 0, 3),
  tongbanScope: codeOf('通办范围', TONGBAN_SCOPE_CODES),
  place: text('办理地点', 500),
  hours: text('办理时间', 500),
  consultPhone: phone('咨询电话'),
  complaintPhone: phone('监督投诉电话'),
  faq: z.array(Faq).max(50).default([]),
  result: z.object({
    name: text('结果名称', 200),
    sample: fileRef('结果样本'),
  }),
  formFields: z.array(FormField).max(200).default([]),
  materials: z.array(Material).max(100).default([]),
  situations: z.array(Situation).max(30).default([]),
  window: z.object({
    /** 进驻政务服务大厅: counted by the indicators; comprehensive acceptance presumes it. */
    inHall: flag('是否进驻政务服务大厅'),
    /** 无差别全科受理: any comprehensive window accepts it; false = only its specialist window. */
    comprehensive: flag('是否无差别全科受理'),
    /** 下沉: accepted at township centres and/or village stations. */
    grassroots: codeSet('下沉层级', GRASSROOTS_LEVEL_CODES).default([]),
  }),
});
export type CatalogItemDocument = z.infer<typeof CatalogItemShape>;
export type CatalogItemInput = z.input<typeof CatalogItemShape>;

/** 1 工作日 spans 7/5 自然日 on average; the comparison of mixed units uses that ratio. */
const NATURAL_DAYS_PER_WORKING_DAY = 7 / 5;

/** A limit in natural-day equivalents, so limits in different units compare. */
export function limitInNaturalDays(value: number, unit: LimitUnit): number {
  return unit === 'working_day' ? value * NATURAL_DAYS_PER_WORKING_DAY : value;
}

/** True when a promised limit is longer than the legal one (same unit: plain compare). */
export function promisedExceedsLegal(
  promised: { value: number; unit: LimitUnit },
  legal: { value: number | null; unit: LimitUnit },
): boolean {
  if (legal.value === null) return false;
  if (promised.unit === legal.unit) return promised.value > legal.value;
  return (
    limitInNaturalDays(promised.value, promised.unit) > limitInNaturalDays(legal.value, legal.unit) + 1e-9
  );
}

/** Duplicate ids in a list, for the uniqueness rules. */
function duplicates(ids: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return dup;
}

type Issue = { path: (string | number)[]; message: string; messageEn: string };

const UNIT_EN: Record<LimitUnit, string> = { working_day: 'working days', natural_day: 'natural days' };

/** The cross-field rules of an item document; each issue has the path of the field at fault. */
export function itemDocumentIssues(doc: CatalogItemDocument): Issue[] {
  const issues: Issue[] = [];
  const { promisedLimit: p, legalLimit: l } = doc;
  if (promisedExceedsLegal(p, l)) {
    issues.push({
      path: ['promisedLimit', 'value'],
      message: `承诺办结时限（${p.value}${LIMIT_UNITS[p.unit]}）不得长于法定办结时限（${l.value}${LIMIT_UNITS[l.unit]}）`,
      messageEn: `The promised limit (${p.value} ${UNIT_EN[p.unit]}) cannot be longer than the legal limit (${l.value} ${UNIT_EN[l.unit]})`,
    });
  }
  if (doc.fee.charged && !doc.fee.basis)
    issues.push({
      path: ['fee', 'basis'],
      message: '收费事项须填写收费依据',
      messageEn: 'A charged item needs the basis of the fee',
    });
  if (doc.window.comprehensive && !doc.window.inHall) {
    issues.push({
      path: ['window', 'comprehensive'],
      message: '无差别全科受理的事项须进驻政务服务大厅',
      messageEn: 'An item accepted at any comprehensive window must be served in the hall',
    });
  }
  if (depthSummaryOf(doc.depthFlags) === 'full_online') {
    if (doc.visits !== 0) {
      issues.push({
        path: ['visits'],
        message: '全程网办事项的到现场次数应为0',
        messageEn: 'A fully online item needs 0 visits',
      });
    }
    if (!doc.channels.online) {
      issues.push({
        path: ['channels', 'online'],
        message: '全程网办事项须支持网办',
        messageEn: 'A fully online item must be offered online',
      });
    }
  }
  const materialIds = new Set(doc.materials.map((m) => m.id));
  const conditionIds = new Set(doc.conditions.map((c) => c.id));
  for (const id of duplicates(doc.materials.map((m) => m.id))) {
    issues.push({
      path: ['materials'],
      message: `材料编号 ${id} 重复`,
      messageEn: `Material id ${id} is used twice`,
    });
  }
  for (const id of duplicates(doc.conditions.map((c) => c.id))) {
    issues.push({
      path: ['conditions'],
      message: `受理条件编号 ${id} 重复`,
      messageEn: `Condition id ${id} is used twice`,
    });
  }
  for (const key of duplicates(doc.formFields.map((f) => f.key))) {
    issues.push({
      path: ['formFields'],
      message: `表单字段标识 ${key} 重复`,
      messageEn: `Form field key ${key} is used twice`,
    });
  }
  doc.formFields.forEach((f, i) => {
    if (f.kind === 'choice' && f.options.length < 2) {
      issues.push({
        path: ['formFields', i, 'options'],
        message: `选项字段“${f.label}”至少需要两个选项`,
        messageEn: `The choice field “${f.label}” needs at least two options`,
      });
    }
  });
  for (const id of duplicates(doc.situations.map((s) => s.id))) {
    issues.push({
      path: ['situations'],
      message: `情形编号 ${id} 重复`,
      messageEn: `Situation id ${id} is used twice`,
    });
  }
  doc.situations.forEach((s, i) => {
    for (const id of duplicates(s.answers.map((a) => a.id))) {
      issues.push({
        path: ['situations', i, 'answers'],
        message: `情形选项编号 ${id} 重复`,
        messageEn: `Answer id ${id} is used twice`,
      });
    }
    s.answers.forEach((a, j) => {
      a.materialIds.forEach((m, k) => {
        if (!materialIds.has(m)) {
          const path = ['situations', i, 'answers', j, 'materialIds', k];
          issues.push({
            path,
            message: `情形选项“${a.label}”引用了不存在的材料编号 ${m}`,
            messageEn: `The answer “${a.label}” names material ${m}, which does not exist`,
          });
        }
      });
      a.conditionIds.forEach((c, k) => {
        if (!conditionIds.has(c)) {
          const path = ['situations', i, 'answers', j, 'conditionIds', k];
          issues.push({
            path,
            message: `情形选项“${a.label}”引用了不存在的受理条件编号 ${c}`,
            messageEn: `The answer “${a.label}” names condition ${c}, which does not exist`,
          });
        }
      });
    });
  });
  return issues;
}

/** The full validation: shape plus cross-field rules. Use it for every document that is stored. */
export const CatalogItemDocumentSchema = CatalogItemShape.superRefine((doc, ctx) => {
  for (const { path, message, messageEn } of itemDocumentIssues(doc)) {
    ctx.addIssue({ ...problemIssue({ zh: message, en: messageEn }), path });
  }
});

/** Fields derived from a document, never entered: the depth summary and the grassroots label. */
export function derivedOf(doc: CatalogItemDocument): { depthSummary: DepthSummary } {
  return { depthSummary: depthSummaryOf(doc.depthFlags) };
}
