/**
 * What the case API answers: list rows, the case page, the timeline, supervision and the public
 * progress lookup. Personal values appear masked; the full ID number and phone only through the
 * audited personal-data endpoint.
 */
import { z } from 'zod';
import {
  CASE_ACTION_TYPES,
  CASE_CHANNELS,
  CASE_DOCUMENT_KINDS,
  CASE_STATUSES,
  DECISION_OUTCOMES,
  DELIVERY_METHODS,
  MATERIAL_FORMS,
  SPECIAL_PROCEDURE_KINDS,
  STEP_ROLES,
  WARNING_LEVELS,
} from './cases.ts';
import { LIMIT_UNIT_CODES } from './catalog-codes.ts';

const Actions = z.array(z.enum(CASE_ACTION_TYPES));

export const CaseSummary = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(CASE_STATUSES),
  channel: z.enum(CASE_CHANNELS),
  itemId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  intakeUnitName: z.string(),
  intakeLevel: z.enum(['county', 'township', 'village']),
  windowNumber: z.string().nullable(),
  servicePointName: z.string().nullable(),
  applicantKind: z.enum(['person', 'enterprise']),
  /** Personal names masked (张*); enterprise names in full. */
  applicantName: z.string(),
  applicantIdMasked: z.string(),
  receivedAt: z.string(),
  acceptedAt: z.string().nullable(),
  clockStart: z.string().nullable(),
  promisedDue: z.string().nullable(),
  legalDue: z.string().nullable(),
  limitDays: z.number().int(),
  usedDays: z.number().int().nullable(),
  remainingDays: z.number().int().nullable(),
  /** The unit of limitDays, usedDays and remainingDays: the promised limit's (工作日 or 自然日). */
  limitUnit: z.enum(LIMIT_UNIT_CODES),
  paused: z.boolean(),
  deemedAccepted: z.boolean(),
  warningLevel: z.enum(WARNING_LEVELS),
  lostStep: z.string().nullable(),
  stepName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  decision: z.enum(DECISION_OUTCOMES).nullable(),
  version: z.number().int(),
  /** What this actor may do now: the console's buttons; anything else the server refuses. */
  allowedActions: Actions,
});
export type CaseSummaryView = z.infer<typeof CaseSummary>;

export const CaseList = z.object({ items: z.array(CaseSummary), total: z.number().int() });

const Material = z.object({
  materialId: z.string(),
  name: z.string(),
  required: z.boolean(),
  deferrable: z.boolean(),
  form: z.enum(MATERIAL_FORMS),
  copies: z.number().int().nullable(),
  note: z.string().nullable(),
  deferredUntil: z.string().nullable(),
  suppliedAt: z.string().nullable(),
});

const StepView = z.object({
  key: z.string(),
  name: z.string(),
  role: z.enum(STEP_ROLES),
  departmentName: z.string(),
  budgetDays: z.number().int(),
  usedDays: z.number().int(),
  overrunDays: z.number().int(),
  current: z.boolean(),
});

export const TimelineEntry = z.object({
  seq: z.number().int(),
  type: z.enum(CASE_ACTION_TYPES),
  label: z.string(),
  at: z.string(),
  actorName: z.string(),
  orgUnitName: z.string().nullable(),
  /** Working days of the clock used at that moment (pauses excluded); null before acceptance. */
  /** Days of the clock used by then, in the limit's unit (working days, or natural days for 自然日 items). */
  workdaysElapsed: z.number().int().nullable(),
  summary: z.string(),
});

export const CaseDetail = CaseSummary.extend({
  applicant: z.object({
    kind: z.enum(['person', 'enterprise']),
    name: z.string(),
    idMasked: z.string(),
    phoneMasked: z.string(),
    legalRepresentative: z.string().nullable(),
  }),
  agent: z.object({ name: z.string(), idMasked: z.string(), phoneMasked: z.string() }).nullable(),
  form: z.record(z.string(), z.unknown()),
  situations: z.record(z.string(), z.unknown()),
  materials: z.array(Material),
  steps: z.array(StepView),
  pauses: z.array(
    z.object({
      kind: z.enum(['correction', 'special']),
      from: z.string(),
      to: z.string().nullable(),
      reason: z.string(),
      specialKind: z.enum(SPECIAL_PROCEDURE_KINDS).nullable(),
      expectedEnd: z.string().nullable(),
      result: z.string().nullable(),
    }),
  ),
  extensionDays: z.number().int(),
  pausedDays: z.number().int(),
  /** While the clock is paused (correction after acceptance, special procedure): since when. */
  pausedSince: z.string().nullable(),
  /**
   * While paused, promisedDue and legalDue are null (they move every day); these are the dates as
   * they stand if the clock resumed today. remainingDays holds the days left, frozen at the stop.
   */
  promisedDueIfResumedToday: z.string().nullable(),
  legalDueIfResumedToday: z.string().nullable(),
  calendarProblem: z.object({ code: z.string(), year: z.number().int() }).nullable(),
  corrections: z.array(
    z.object({
      stage: z.enum(['intake', 'process']),
      at: z.string(),
      items: z.array(z.object({ materialId: z.string().optional(), name: z.string(), problem: z.string() })),
      answeredAt: z.string().nullable(),
    }),
  ),
  refusal: z
    .object({ reason: z.string(), competentBody: z.string().nullable(), legalBasis: z.string().nullable() })
    .nullable(),
  decisionDetail: z
    .object({
      outcome: z.enum(DECISION_OUTCOMES),
      opinion: z.string(),
      reasons: z.string().nullable(),
      legalBasis: z.string().nullable(),
      at: z.string(),
      by: z.string(),
    })
    .nullable(),
  result: z
    .object({
      documentName: z.string(),
      documentNumber: z.string(),
      validFrom: z.string().nullable(),
      validUntil: z.string().nullable(),
      issuer: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  delivery: z
    .object({ method: z.enum(DELIVERY_METHODS), trackingNumber: z.string().nullable(), at: z.string() })
    .nullable(),
  closure: z
    .object({ kind: z.enum(['withdrawn', 'voided']), reason: z.string(), at: z.string(), by: z.string() })
    .nullable(),
  documents: z.array(z.enum(CASE_DOCUMENT_KINDS)),
  timeline: z.array(TimelineEntry),
});
export type CaseDetailView = z.infer<typeof CaseDetail>;

/** The full personal values of a case, for the audited read. */
export const CasePersonal = z.object({
  applicantId: z.string(),
  applicantPhone: z.string(),
  applicantAddress: z.string().nullable(),
  agentId: z.string().nullable(),
  agentPhone: z.string().nullable(),
  /** The form fields kept only masked in the case (ID numbers, phones), in full, by key. */
  form: z.record(z.string(), z.string()),
});

export const SupervisionRow = CaseSummary.pick({
  id: true,
  number: true,
  status: true,
  itemName: true,
  departmentName: true,
  intakeUnitName: true,
  windowNumber: true,
  servicePointName: true,
  promisedDue: true,
  limitDays: true,
  usedDays: true,
  remainingDays: true,
  limitUnit: true,
  warningLevel: true,
  lostStep: true,
  stepName: true,
  assigneeName: true,
}).extend({
  /** The township or village point that received it (代收代办); null for a county-centre window. */
  servicePointId: z.string().nullable(),
});
const Group = z.object({
  key: z.string(),
  name: z.string(),
  yellow: z.number().int(),
  red: z.number().int(),
});
export const SupervisionView = z.object({
  asOf: z.string(),
  items: z.array(SupervisionRow),
  byDepartment: z.array(Group),
  byWindow: z.array(Group),
  /** Township and village intake points (a village's cases count at the village, not its township). */
  byServicePoint: z.array(Group),
});

/** Public progress: no personal data at all. */
export const ProgressView = z.object({
  number: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  receivedOn: z.string(),
  acceptedOn: z.string().nullable(),
  /** The promised due date; null while the clock is paused (see pause), or when not computable. */
  promisedDue: z.string().nullable(),
  /**
   * While the clock is paused after acceptance: since when, for what kind of procedure (a
   * correction, or a special procedure and its kind; never the reasons, which may name people),
   * and the date the case would be due if the clock resumed today.
   */
  pause: z
    .object({
      kind: z.enum(['correction', 'special']),
      specialKind: z.enum(SPECIAL_PROCEDURE_KINDS).nullable(),
      since: z.string(),
      dueIfResumedToday: z.string().nullable(),
    })
    .nullable(),
  currentStep: z.string().nullable(),
  /** The current step's role: the portal names the step in English by it. */
  currentStepRole: z.enum(STEP_ROLES).nullable(),
  milestones: z.array(
    z.object({
      /** The action of the log this milestone shows (accept, pass, decide, conclude, deliver…). */
      type: z.enum(CASE_ACTION_TYPES),
      /** The Chinese words the public sees. */
      label: z.string(),
      /** The back-office step it happened at (承办, 审核…), null before acceptance and after the decision. */
      step: z.string().nullable(),
      stepRole: z.enum(STEP_ROLES).nullable(),
      on: z.string(),
    }),
  ),
});

/** Staff who may act at a case's current step: whom 分派 may choose. No phone, no ID number. */
export const AssigneeList = z.object({
  stepName: z.string(),
  departmentName: z.string(),
  items: z.array(
    z.object({
      accountId: z.string(),
      name: z.string(),
      title: z.string().nullable(),
      orgUnitName: z.string(),
      /** True for the one the step is assigned to now. */
      current: z.boolean(),
    }),
  ),
});

export const ProcessView = z.object({
  itemId: z.string(),
  isDefault: z.boolean(),
  revision: z.number().int(),
  steps: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      role: z.enum(STEP_ROLES),
      departmentId: z.string().nullable(),
      budgetDays: z.number().int(),
    }),
  ),
});
