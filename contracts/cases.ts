/**
 * 办件 (cases): statuses, action types, code lists and the request bodies of the case API.
 * Response views are in case-views.ts. The status → allowed-actions table itself lives in
 * server/modules/cases/domain/workflow.ts; the console reads it through `allowedActions` on every case.
 */
import { z } from 'zod';
import { IsoDate } from './calendar.ts';
// The statuses and warning levels are in case-codes.ts (no zod: the console's pages import them).
import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type CaseStatus,
  caseStatusMessages,
  WARNING_LEVELS,
  type WarningLevel,
} from './case-codes.ts';
import { isFullIdentifier, LOOKUP_CODE_PATTERN, normalizeLookupCode } from './case-lookup.ts';
import type { LimitUnit } from './catalog-codes.ts';
import { CreditCodeSchema, IdNumberSchema, MobilePhoneSchema } from './identifiers.ts';
import { plainText } from './plain-text.ts';
import { bilingual, problemIssue } from './problem.ts';
import { expectedRevision } from './revision.ts';

export {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type CaseStatus,
  caseStatusMessages,
  isFullIdentifier,
  LOOKUP_CODE_PATTERN,
  normalizeLookupCode,
  WARNING_LEVELS,
  type WarningLevel,
};

/** Statuses in which nothing more happens to a case. */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ['refused', 'delivered', 'withdrawn', 'voided'];

export const CASE_ACTION_TYPES = [
  'receive',
  'accept',
  'requestCorrection',
  'resubmit',
  'refuse',
  'claim',
  'assign',
  'pass',
  'returnStep',
  'startSpecial',
  'endSpecial',
  'extend',
  'decide',
  'conclude',
  'deliver',
  'supplyMaterial',
  'withdraw',
  'void',
] as const;
export type CaseActionType = (typeof CASE_ACTION_TYPES)[number];

export const CASE_ACTION_LABELS: Record<CaseActionType, { zh: string; en: string }> = {
  receive: { zh: '收件', en: 'Receive' },
  accept: { zh: '受理', en: 'Accept' },
  requestCorrection: { zh: '一次性告知补正', en: 'Request correction' },
  resubmit: { zh: '补正材料提交', en: 'Resubmit' },
  refuse: { zh: '不予受理', en: 'Refuse' },
  claim: { zh: '签收', en: 'Claim' },
  assign: { zh: '分派', en: 'Assign' },
  pass: { zh: '通过（转下一环节）', en: 'Pass to next step' },
  returnStep: { zh: '退回上一环节', en: 'Return to previous step' },
  startSpecial: { zh: '启动特别程序', en: 'Start special procedure' },
  endSpecial: { zh: '结束特别程序', en: 'End special procedure' },
  extend: { zh: '延长办理期限', en: 'Extend time limit' },
  decide: { zh: '作出决定', en: 'Decide' },
  conclude: { zh: '办结', en: 'Conclude' },
  deliver: { zh: '送达（出件）', en: 'Deliver' },
  supplyMaterial: { zh: '容缺材料补齐', en: 'Supply deferred material' },
  withdraw: { zh: '申请人撤回', en: 'Withdraw' },
  void: { zh: '作废', en: 'Void' },
};

/** How a material was presented at the window: 原件 / 复印件 / 电子件 / 缺 / 容缺后补. */
export const MATERIAL_FORMS = ['original', 'copy', 'electronic', 'missing', 'deferred'] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];
export const MATERIAL_FORM_LABELS: Record<MaterialForm, { zh: string; en: string }> = {
  original: { zh: '原件', en: 'Original' },
  copy: { zh: '复印件', en: 'Copy' },
  electronic: { zh: '电子件', en: 'Electronic' },
  missing: { zh: '缺', en: 'Missing' },
  deferred: { zh: '容缺后补', en: 'Deferred' },
};
/** Forms that count as presented. */
export const PRESENTED_FORMS: readonly MaterialForm[] = ['original', 'copy', 'electronic'];

/** 特别程序 kinds (行政许可法 第45条): the clock stops while one runs. */
export const SPECIAL_PROCEDURE_KINDS = [
  'hearing',
  'inspection',
  'testing',
  'quarantine',
  'appraisal',
  'expert_review',
  'tender',
  'other',
] as const;
export type SpecialProcedureKind = (typeof SPECIAL_PROCEDURE_KINDS)[number];
export const SPECIAL_PROCEDURE_LABELS: Record<SpecialProcedureKind, { zh: string; en: string }> = {
  hearing: { zh: '听证', en: 'Hearing' },
  inspection: { zh: '现场勘验', en: 'Inspection' },
  testing: { zh: '检验检测', en: 'Testing' },
  quarantine: { zh: '检疫', en: 'Quarantine' },
  appraisal: { zh: '鉴定', en: 'Appraisal' },
  expert_review: { zh: '专家评审', en: 'Expert review' },
  tender: { zh: '招标、拍卖', en: 'Tender or auction' },
  other: { zh: '其他', en: 'Other' },
};

export const DELIVERY_METHODS = ['window', 'mail', 'electronic'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, { zh: string; en: string }> = {
  window: { zh: '统一出件窗口领取', en: 'Collected at the delivery window' },
  mail: { zh: '邮寄送达', en: 'By mail' },
  electronic: { zh: '电子送达', en: 'Electronically' },
};

export const WARNING_LEVEL_LABELS: Record<WarningLevel, { zh: string; en: string }> = {
  none: { zh: '未计时', en: 'Clock not running' },
  green: { zh: '正常', en: 'On time' },
  yellow: { zh: '黄牌预警', en: 'Yellow warning' },
  red: { zh: '红牌（超期）', en: 'Red (overdue)' },
};

/** Where an application came in: the window today, the portal later (with pre-review). */
export const CASE_CHANNELS = ['window', 'online'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const DECISION_OUTCOMES = ['grant', 'deny'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Roles that may act at a back-office step. */
export const STEP_ROLES = ['dept_handler', 'dept_reviewer', 'dept_approver'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

/** A time limit's unit as the catalogue states it: 工作日 (working_day) or 自然日 (natural_day). */
export type TimeLimitUnit = LimitUnit;

// ---------------------------------------------------------------- shared pieces

// Every text field refuses control characters, NULs and broken surrogates (plain-text.ts); one-line
// values (ids, names, numbers) refuse line breaks too.
const Id = plainText(z.string().trim().min(1).max(64), { multiline: false });
const Text = (max: number) => plainText(z.string().trim().min(1).max(max));
const Line = (max: number) => plainText(z.string().trim().min(1).max(max), { multiline: false });
const OptText = (max: number) => plainText(z.string().trim().max(max)).optional();
const OptLine = (max: number) => plainText(z.string().trim().max(max), { multiline: false }).optional();
const AnswerId = plainText(z.string().max(64), { multiline: false });
/** A form or situation map: keys are field or question ids, at most `max` of them. */
const boundedRecord = <V extends z.ZodType>(value: V, max: number) =>
  z
    .record(plainText(z.string().max(64), { multiline: false }), value)
    .refine((o) => Object.keys(o).length <= max, bilingual(`最多${max}项`, `At most ${max} entries`));
/** Every action names the version it was decided on: a stale one is refused (CASE_STALE_VERSION). */
const Version = z.number().int().min(1).describe('办件当前版本号（乐观并发控制）');
export const CaseIdParams = z.object({ id: Id });

export const PersonApplicant = z.strictObject({
  kind: z.literal('person'),
  name: Line(50).describe('申请人姓名'),
  idNumber: IdNumberSchema,
  phone: MobilePhoneSchema,
  address: OptLine(200),
});
export const EnterpriseApplicant = z.strictObject({
  kind: z.literal('enterprise'),
  name: Line(100).describe('企业（单位）名称'),
  creditCode: CreditCodeSchema,
  legalRepresentative: Line(50).describe('法定代表人'),
  phone: MobilePhoneSchema,
  address: OptLine(200),
});
export const ApplicantInput = z.discriminatedUnion('kind', [PersonApplicant, EnterpriseApplicant]);
export type ApplicantInput = z.infer<typeof ApplicantInput>;

export const AgentInput = z.strictObject({
  name: Line(50).describe('代理人姓名'),
  idNumber: IdNumberSchema,
  phone: MobilePhoneSchema,
  powerOfAttorney: z.literal(true, bilingual('代理人须提交授权委托书', 'An agent needs a power of attorney')),
});
export type AgentInput = z.infer<typeof AgentInput>;

export const MaterialInput = z.strictObject({
  materialId: Id,
  form: z.enum(MATERIAL_FORMS),
  copies: z.number().int().min(0).max(99).optional(),
  note: OptText(200),
  /** 容缺: the applicant's signed promise and the date the material will be supplied by. */
  deferral: z
    .object({
      promiseSigned: z.literal(
        true,
        bilingual('容缺受理须申请人签署承诺书', "A deferral needs the applicant's signed promise"),
      ),
      dueDate: IsoDate,
    })
    .optional(),
});
export type MaterialInput = z.infer<typeof MaterialInput>;

/** The material checklist as ticked: each material once (a second entry would silently lose to the first). */
const MaterialList = z
  .array(MaterialInput)
  .max(100)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const [i, m] of list.entries()) {
      if (seen.has(m.materialId)) {
        ctx.addIssue({
          ...problemIssue({ zh: '同一材料只能出现一次', en: 'Each material may be listed once only' }),
          path: [i, 'materialId'],
        });
      }
      seen.add(m.materialId);
    }
  })
  .default([]);

export const CorrectionItem = z.strictObject({
  materialId: Id.optional(),
  name: Line(100).describe('需补正的材料或事项'),
  problem: Text(300).describe('问题与补正要求'),
});
export type CorrectionItem = z.infer<typeof CorrectionItem>;

export const FormValue = z.union([
  plainText(z.string().max(2000)),
  z.number(),
  z.boolean(),
  z.array(plainText(z.string().max(200), { multiline: false })).max(100),
]);
export type FormValue = z.infer<typeof FormValue>;

// ---------------------------------------------------------------- intake

/** An application form's values by field key (the window's intake and the portal's drafts). */
export const FormValues = boundedRecord(FormValue, 200);
/** Situation question id → the chosen answer id (or ids, for a multiple-choice question). */
export const SituationAnswers = boundedRecord(z.union([AnswerId, z.array(AnswerId).max(20)]), 100);

export const INTAKE_DECISIONS = ['accept', 'correct', 'refuse', 'receive'] as const;
export type IntakeDecision = (typeof INTAKE_DECISIONS)[number];

export const IntakeBody = z.strictObject({
  itemId: Id.describe('事项'),
  /** County centre: the clerk's window (defaults to the one the clerk sits at). */
  windowId: Id.optional().describe('受理窗口'),
  /** Township or village: the service point (defaults to the clerk's own org unit). */
  servicePointId: Id.optional().describe('乡镇（村）便民服务点'),
  applicant: ApplicantInput,
  agent: AgentInput.optional(),
  form: FormValues.default({}),
  /** Situation question id → the chosen answer id (or ids, for a multiple-choice question). */
  situations: SituationAnswers.default({}),
  materials: MaterialList,
  decision: z.enum(INTAKE_DECISIONS).describe('受理 / 一次性告知补正 / 不予受理 / 仅收件'),
  correction: z
    .object({
      items: z.array(CorrectionItem).max(50).optional(),
      note: OptText(500),
    })
    .optional(),
  refusal: z
    .object({
      reason: Text(500),
      competentBody: OptLine(100),
      legalBasis: OptText(300),
    })
    .optional(),
});
export type IntakeInput = z.infer<typeof IntakeBody>;

/**
 * Idempotency-Key: a token the client picks for one application form (a UUID will do) and sends
 * with every submit of it, so a repeat (double click, retry after a timeout) answers the case the
 * first submit created instead of receiving the application twice.
 */
export const INTAKE_KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
export const IntakeHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(INTAKE_KEY_PATTERN)
    .optional()
    .describe(
      '防重复提交：同一份申请表每次提交带同一个键（8–100 位字母、数字、_、-），重复提交返回首次收件的办件',
    ),
});

// ---------------------------------------------------------------- actions on a case

export const VersionBody = z.strictObject({ version: Version });
export const CorrectionBody = z.strictObject({
  version: Version,
  items: z.array(CorrectionItem).min(1).max(50),
  note: OptText(500),
});
export const ResubmitBody = z.strictObject({
  version: Version,
  materials: MaterialList,
  note: OptText(500),
});
export const RefuseBody = z.strictObject({
  version: Version,
  reason: Text(500).describe('不予受理理由'),
  competentBody: OptLine(100).describe('有权受理的机关'),
  legalBasis: OptText(300),
});
export const AssignBody = z.strictObject({
  version: Version,
  assigneeAccountId: Id.describe('被分派人账号'),
});
export const PassBody = z.strictObject({ version: Version, opinion: Text(1000).describe('环节处理意见') });
export const ReturnBody = z.strictObject({ version: Version, reason: Text(500).describe('退回理由') });
export const StartSpecialBody = z.strictObject({
  version: Version,
  kind: z.enum(SPECIAL_PROCEDURE_KINDS),
  reason: Text(500).describe('启动理由或依据'),
  expectedEnd: IsoDate.describe('预计结束日期'),
});
export const EndSpecialBody = z.strictObject({
  version: Version,
  result: Text(1000).describe('特别程序结果'),
});
export const ExtendBody = z.strictObject({
  version: Version,
  days: z.number().int().min(1).max(15).describe('延长的工作日数'),
  reason: Text(500).describe('延期理由（告知申请人）'),
});
export const DecideBody = z.strictObject({
  version: Version,
  outcome: z.enum(DECISION_OUTCOMES),
  opinion: Text(1000).describe('批准意见'),
  reasons: OptText(2000).describe('不予许可的理由'),
  legalBasis: OptText(1000).describe('不予许可的法律依据'),
});
export const ConcludeBody = z.strictObject({
  version: Version,
  documentName: Line(100).describe('结果文书或证照名称'),
  documentNumber: Line(64).describe('文书或证照编号'),
  validFrom: IsoDate.optional(),
  validUntil: IsoDate.optional(),
  issuer: OptLine(100),
});
export const DeliverBody = z.strictObject({
  version: Version,
  method: z.enum(DELIVERY_METHODS),
  trackingNumber: OptLine(64).describe('邮件单号'),
  note: OptText(300),
});
export const SupplyMaterialBody = z.strictObject({
  version: Version,
  materialId: Id,
  form: z.enum(['original', 'copy', 'electronic']),
});
export const ReasonBody = z.strictObject({ version: Version, reason: Text(500) });

// ---------------------------------------------------------------- search, supervision, lookup

export const CaseListQuery = z.object({
  number: OptLine(32).describe('办件编号（可输入部分）'),
  applicant: OptLine(100).describe('申请人名称，或完整身份证号 / 信用代码'),
  itemId: Id.optional(),
  departmentId: Id.optional(),
  status: z.enum(CASE_STATUSES).optional(),
  windowId: Id.optional(),
  servicePointId: Id.optional(),
  receivedFrom: IsoDate.optional(),
  receivedTo: IsoDate.optional(),
  warningLevel: z.enum(WARNING_LEVELS).optional(),
  /**
   * mine: assigned to me; queue: my department's cases waiting at a step of my role; prereview
   * (网上预审): online applications received where I may accept (case.accept), awaiting a decision.
   */
  view: z.enum(['all', 'mine', 'queue', 'prereview']).default('all'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CaseListInput = z.infer<typeof CaseListQuery>;

/**
 * 办件查询 by a full ID number or credit code: the same filters in a POST body, so the number is in
 * no URL (request logs, proxies, browser history), and the search is audited. `GET /api/cases`
 * refuses a full identifier with CASE_SEARCH_ID_IN_URL.
 */
export const CaseSearchBody = z.strictObject(CaseListQuery.shape);

export const SupervisionQuery = z.object({
  level: z.enum(['yellow', 'red']).optional(),
  departmentId: Id.optional(),
  windowId: Id.optional(),
  /** A township or village point: its cases and those of the points under it. */
  servicePointId: Id.optional(),
});

/** A case number as cases/intake/receive-case.ts gives it: county division code, year, serial of 7 (or more) digits. */
export const CASE_NUMBER_PATTERN = /^\d{6}-\d{4}-\d{7,12}$/;

const TAIL_MESSAGE = bilingual(
  '请输入身份证号或统一社会信用代码的后6位',
  'Enter the last 6 characters of the ID number or credit code',
);

export const ProgressLookupQuery = z
  .object({
    number: plainText(z.string().trim().max(32), { multiline: false })
      .regex(
        CASE_NUMBER_PATTERN,
        bilingual(
          '办件编号格式应为 220322-2026-0001234（县区划代码-年份-序号）',
          'A case number looks like 220322-2026-0001234 (division code, year, serial)',
        ),
      )
      .describe('办件编号'),
    tail: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-Z]{6}$/, TAIL_MESSAGE)
      .optional()
      .describe('申请人证件号码后6位（多次输错后该办件只能凭查询码查询）'),
    code: z
      .string()
      .max(20)
      .transform(normalizeLookupCode)
      .pipe(
        z
          .string()
          .regex(
            LOOKUP_CODE_PATTERN,
            bilingual(
              '查询码为收件凭证上印的10位字母数字（如 7K3M-9QX2-HD）',
              'The lookup code is the 10 letters and digits printed on the receipt (like 7K3M-9QX2-HD)',
            ),
          ),
      )
      .optional()
      .describe('查询码（收件凭证、告知书上印有，二维码中也带有）'),
  })
  .superRefine((q, c) => {
    if (q.tail === undefined && q.code === undefined) {
      c.addIssue({
        ...problemIssue({
          zh: '请输入查询码，或身份证号 / 统一社会信用代码的后6位',
          en: 'Enter the lookup code, or the last 6 characters of the ID number or credit code',
        }),
        path: ['tail'],
      });
    }
  });

export const ProcessStepInput = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(
      /^[a-z][a-z0-9_]{0,31}$/,
      bilingual(
        '环节代码：小写字母开头，只含小写字母、数字、_',
        'A step code starts with a lower-case letter and holds only a-z, 0-9 and _',
      ),
    ),
  name: Line(20).describe('环节名称，如 承办'),
  role: z.enum(STEP_ROLES),
  /** null: the item's own department. */
  departmentId: Id.nullable().default(null),
  budgetDays: z.number().int().min(0).max(60).describe('环节时限（工作日）'),
});
export type ProcessStepInput = z.infer<typeof ProcessStepInput>;
export const ProcessBody = z.strictObject({
  steps: z.array(ProcessStepInput).min(1).max(10),
  /** The revision the editor saw (0: none stored yet); a moved one is 409 CASE_PROCESS_STALE_VERSION. */
  expectedRevision: expectedRevision(0),
});
export const ItemIdParams = z.object({ itemId: Id });

export const CASE_DOCUMENT_KINDS = ['receipt', 'acceptance', 'correction', 'refusal', 'deferral'] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];
export const CASE_DOCUMENT_LABELS: Record<CaseDocumentKind, string> = {
  receipt: '收件凭证',
  acceptance: '受理通知书',
  correction: '补正材料一次性告知书',
  refusal: '不予受理通知书',
  deferral: '容缺受理通知书',
};
export const CaseDocumentParams = z.object({ id: Id, kind: z.enum(CASE_DOCUMENT_KINDS) });
export const CaseDocumentQuery = z.object({ format: z.enum(['html', 'docx']).default('html') });
