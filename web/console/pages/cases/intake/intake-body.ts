import type { Dayjs } from 'dayjs';
import type {
  CorrectionItem,
  IntakeDecision,
  IntakeInput,
  MaterialForm,
} from '../../../../../contracts/cases.ts';
import type { CatalogItemDocument, ChosenAnswers } from '../../../../../contracts/catalog.ts';
import { ApiError, type FieldError } from '../../../../ui/api.ts';

/** One checklist row as the clerk ticks it. */
export interface ChecklistEntry {
  form?: MaterialForm;
  dueDate?: Dayjs | null;
  promise?: boolean;
}

/** What the intake form holds (the item is chosen outside it). */
export interface IntakeValues {
  windowId?: string;
  situations?: Record<string, string | string[] | undefined>;
  applicant: {
    kind: 'person' | 'enterprise';
    name: string;
    idNumber?: string;
    creditCode?: string;
    legalRepresentative?: string;
    phone: string;
    address?: string;
  };
  hasAgent?: boolean;
  agent?: { name: string; idNumber: string; phone: string; powerOfAttorney?: boolean };
  form?: Record<string, unknown>;
  checklist?: Record<string, ChecklistEntry | undefined>;
}

/** The decision's extra words: the correction notice's items, or the refusal's reasons. */
export interface DecisionExtra {
  correction?: { items?: CorrectionItem[]; note?: string };
  refusal?: { reason: string; competentBody?: string; legalBasis?: string };
}

/** The chosen answers, by situation question (answer ids are unique within a question only). */
export function chosenAnswers(situations: IntakeValues['situations']): ChosenAnswers {
  return Object.fromEntries(
    Object.entries(situations ?? {}).map(([q, v]) => [q, v === undefined ? [] : Array.isArray(v) ? v : [v]]),
  );
}

function isDayjs(v: unknown): v is Dayjs {
  return !!v && typeof v === 'object' && 'format' in v && typeof (v as Dayjs).format === 'function';
}

/** Application-form values as the server takes them: dates as YYYY-MM-DD, empty fields left out. */
function formValues(doc: CatalogItemDocument, form: IntakeValues['form']): IntakeInput['form'] {
  const out: IntakeInput['form'] = {};
  for (const f of doc.formFields) {
    const v = form?.[f.key];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (isDayjs(v)) out[f.key] = v.format('YYYY-MM-DD');
    else if (typeof v === 'string')
      out[f.key] = f.kind === 'id_number' || f.kind === 'credit_code' ? v.trim().toUpperCase() : v.trim();
    else if (typeof v === 'number' || typeof v === 'boolean') out[f.key] = v;
    else if (Array.isArray(v)) out[f.key] = v.map(String);
  }
  return out;
}

/** What an intake body is made of: the item, its applicable materials, the form's values and the decision. */
export interface IntakeBodyParts {
  itemId: string;
  doc: CatalogItemDocument;
  materialIds: readonly string[];
  values: IntakeValues;
  decision: IntakeDecision;
  extra?: DecisionExtra;
}

/** The POST /api/cases body from the form, the item, the applicable materials and the decision. */
export function intakeBody({
  itemId,
  doc,
  materialIds,
  values: v,
  decision,
  extra = {},
}: IntakeBodyParts): IntakeInput {
  const a = v.applicant;
  const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const applicant: IntakeInput['applicant'] =
    a.kind === 'person'
      ? {
          kind: 'person',
          name: a.name.trim(),
          idNumber: (a.idNumber ?? '').trim().toUpperCase(),
          phone: a.phone.trim(),
          address: opt(a.address),
        }
      : {
          kind: 'enterprise',
          name: a.name.trim(),
          creditCode: (a.creditCode ?? '').trim().toUpperCase(),
          legalRepresentative: (a.legalRepresentative ?? '').trim(),
          phone: a.phone.trim(),
          address: opt(a.address),
        };
  const situations: IntakeInput['situations'] = {};
  for (const [q, ans] of Object.entries(v.situations ?? {})) {
    if (ans !== undefined && (!Array.isArray(ans) || ans.length > 0)) situations[q] = ans;
  }
  return {
    itemId,
    windowId: v.windowId || undefined,
    applicant,
    agent:
      v.hasAgent && v.agent
        ? {
            name: v.agent.name.trim(),
            idNumber: v.agent.idNumber.trim().toUpperCase(),
            phone: v.agent.phone.trim(),
            powerOfAttorney: true,
          }
        : undefined,
    form: formValues(doc, v.form),
    situations,
    materials: materialIds.map((materialId) => {
      const entry = v.checklist?.[materialId];
      const form = entry?.form ?? 'missing';
      return {
        materialId,
        form,
        deferral:
          form === 'deferred' && entry?.dueDate
            ? { promiseSigned: true as const, dueDate: entry.dueDate.format('YYYY-MM-DD') }
            : undefined,
      };
    }),
    decision,
    correction: decision === 'correct' ? extra.correction : undefined,
    refusal: decision === 'refuse' ? extra.refusal : undefined,
  };
}

/**
 * The server names materials by their place in the list it got (`body.materials.2.deferral.dueDate`);
 * the form keeps them by material id. Rewrites those paths (and a deferral refusal naming a
 * material) so the error lands on the checklist row.
 */
export function remapIntakeError(err: unknown, materialIds: readonly string[]): unknown {
  if (!(err instanceof ApiError)) return err;
  const fields: FieldError[] = err.fields.map((f) => {
    const m = /^body\.materials\.(\d+)\.(.+)$/.exec(f.path);
    const id = m ? materialIds[Number(m[1])] : undefined;
    if (!m || !id) return f;
    const rest =
      m[2] === 'deferral.promiseSigned' ? 'promise' : m[2] === 'deferral.dueDate' ? 'dueDate' : 'form';
    return { path: `body.checklist.${id}.${rest}`, message: f.message };
  });
  const details = err.details as { materialId?: string; problems?: string[] } | undefined;
  if (err.code === 'CASE_DEFERRAL_INVALID' && details?.materialId) {
    fields.push({
      path: `body.checklist.${details.materialId}.dueDate`,
      message: (details.problems ?? [err.message]).join('；'),
    });
  }
  if (fields.length === 0) return err;
  return new ApiError({ status: err.status, code: err.code, message: err.message, details: { fields } });
}

/**
 * A fresh Idempotency-Key for one application form. crypto.randomUUID exists only in secure
 * contexts (https, localhost); a county intranet may serve the console over plain http, where
 * getRandomValues still gives 128 random bits.
 */
export function newIntakeKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
