import type { Dayjs } from 'dayjs';
import type { DeliveryMethod, MaterialForm, SpecialProcedureKind } from '../../../../../contracts/cases.ts';
import type { CaseActionName, CaseDetailView, CaseSummaryView } from '../../../api/cases.ts';

export type { CaseActionName } from '../../../api/cases.ts';

/** What an action form needs of a case: its list row, and its materials where the page has them. */
export type ActionTarget = CaseSummaryView & Partial<Pick<CaseDetailView, 'materials'>>;

// The code lists again, as plain arrays: importing contracts/cases.ts at run time would bring zod along.
export const DELIVERY_METHODS_LIST = [
  'window',
  'mail',
  'electronic',
] as const satisfies readonly DeliveryMethod[];
export const SPECIAL_KINDS_LIST = [
  'hearing',
  'inspection',
  'testing',
  'quarantine',
  'appraisal',
  'expert_review',
  'tender',
  'other',
] as const satisfies readonly SpecialProcedureKind[];

/** Actions that need no words: 签收 at once, 受理 after a confirmation. */
export const NO_WORDS: readonly CaseActionName[] = ['accept', 'claim'];
export const CONFIRM_FIRST: readonly CaseActionName[] = ['accept'];
/** The actions that move a case on (shown as the primary buttons). */
export const FORWARD: readonly CaseActionName[] = [
  'accept',
  'claim',
  'pass',
  'decide',
  'conclude',
  'deliver',
];
/** The actions that end or undo (shown in red). */
export const DANGEROUS: readonly CaseActionName[] = ['refuse', 'void', 'withdraw', 'returnStep'];
/** Button order: forward first, then the rest, the dangerous last. */
export const ACTION_ORDER: readonly CaseActionName[] = [
  'claim',
  'accept',
  'pass',
  'decide',
  'conclude',
  'deliver',
  'supplyMaterial',
  'resubmit',
  'requestCorrection',
  'assign',
  'startSpecial',
  'endSpecial',
  'extend',
  'returnStep',
  'refuse',
  'withdraw',
  'void',
];

const day = (v: unknown) =>
  v && typeof v === 'object' && 'format' in v ? (v as Dayjs).format('YYYY-MM-DD') : undefined;
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** What a form starts with: the department as issuer, a grant, delivery at the window. */
export function initialValuesFor(action: CaseActionName, c: ActionTarget): Record<string, unknown> {
  switch (action) {
    case 'requestCorrection':
      return {
        items: (c.materials ?? [])
          .filter((m) => m.required && m.form === 'missing')
          .map((m) => ({ name: m.name, problem: '未提交，请补充提交' }))
          .concat(
            (c.materials ?? []).some((m) => m.required && m.form === 'missing')
              ? []
              : [{ name: '', problem: '' }],
          ),
      };
    case 'decide':
      return { outcome: 'grant' };
    case 'conclude':
      return { issuer: c.departmentName };
    case 'deliver':
      return { method: 'window' };
    default:
      return {};
  }
}

/** The request body of an action from its form's values (dates as YYYY-MM-DD, blanks left out). */
export function bodyFor(
  action: CaseActionName,
  v: Record<string, unknown>,
  c: ActionTarget,
): { version: number } & Record<string, unknown> {
  const version = c.version;
  switch (action) {
    case 'requestCorrection': {
      const items = ((v.items as { name?: string; problem?: string }[] | undefined) ?? [])
        .filter((i) => i?.name && i.problem)
        .map((i) => ({
          name: String(i.name).trim(),
          problem: String(i.problem).trim(),
          materialId: (c.materials ?? []).find((m) => m.name === i.name)?.materialId,
        }));
      return { version, items, note: text(v.note) };
    }
    case 'resubmit': {
      const forms = (v.resubmit as Record<string, MaterialForm> | undefined) ?? {};
      return {
        version,
        materials: Object.entries(forms).map(([materialId, form]) => ({ materialId, form })),
        note: text(v.note),
      };
    }
    case 'startSpecial':
      return { version, kind: v.kind, reason: text(v.reason), expectedEnd: day(v.expectedEnd) };
    case 'conclude':
      return {
        version,
        documentName: text(v.documentName),
        documentNumber: text(v.documentNumber),
        validFrom: day(v.validFrom),
        validUntil: day(v.validUntil),
        issuer: text(v.issuer),
      };
    case 'decide':
      return {
        version,
        outcome: v.outcome,
        opinion: text(v.opinion),
        reasons: v.outcome === 'deny' ? text(v.reasons) : undefined,
        legalBasis: v.outcome === 'deny' ? text(v.legalBasis) : undefined,
      };
    case 'deliver':
      return {
        version,
        method: v.method,
        trackingNumber: v.method === 'mail' ? text(v.trackingNumber) : undefined,
        note: text(v.note),
      };
    case 'refuse':
      return {
        version,
        reason: text(v.reason),
        competentBody: text(v.competentBody),
        legalBasis: text(v.legalBasis),
      };
    default: {
      const body: Record<string, unknown> = { version };
      for (const [k, value] of Object.entries(v)) body[k] = typeof value === 'string' ? value.trim() : value;
      return body as { version: number } & Record<string, unknown>;
    }
  }
}
