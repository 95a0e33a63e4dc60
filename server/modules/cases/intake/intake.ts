import { APPLICANT_FORM_KEYS } from '../../../../contracts/applicant-form.ts';
import { isRealIsoDate } from '../../../../contracts/calendar.ts';
import type { MaterialInput } from '../../../../contracts/cases.ts';
import {
  applicableFor,
  type CatalogItemDocument,
  type ChosenAnswers,
} from '../../../../contracts/catalog.ts';
import { creditCodeIssue, idNumberIssue } from '../../../../contracts/identifiers.ts';
import type { Problem } from '../../../../contracts/problem.ts';
import { AppError, type Bilingual, say } from '../../../platform/errors.ts';
import { applyMaterialInput, checkDeferral, type DeferralWindow } from '../domain/decide.ts';
import type { IntakeRecord, MaterialRecord } from '../domain/model.ts';

/**
 * Intake rules, pure: which windows and service points may take an item, what the situation
 * answers bring in, the material checklist and the application form. Each failure names the
 * field at fault; nothing here touches the database.
 */

/** Where an intake happens, as the rules need it. */
export interface IntakePoint {
  record: IntakeRecord;
  windowKind: string | null;
  windowDepartmentId: string | null;
}

type Field = { path: string; message: Bilingual };

/**
 * A comprehensive (or bundle) window takes items flagged for comprehensive acceptance; a
 * specialist window only its own department's; a township or village point only items delegated
 * to its level (代收代办, forwarded to the county department); a delivery window takes none.
 */
export function checkItemAtPoint(doc: CatalogItemDocument, point: IntakePoint): void {
  const level = point.record.level;
  if (level === 'township' || level === 'village') {
    if (!doc.window.grassroots.includes(level)) {
      throw new AppError('CASE_ITEM_NOT_AT_SERVICE_POINT', {
        level,
        servicePoint: point.record.servicePointName,
      });
    }
    return;
  }
  const kind = point.windowKind;
  const ok =
    kind === 'specialist'
      ? point.windowDepartmentId === doc.departmentId
      : (kind === 'comprehensive' || kind === 'bundle') && doc.window.comprehensive;
  if (!ok)
    throw new AppError('CASE_ITEM_NOT_AT_WINDOW', { window: point.record.windowNumber, windowKind: kind });
}

/** Online (the portal): an item whose online depth has 网上预审 (3) or 网上受理 (4). */
export function checkItemOnline(doc: Pick<CatalogItemDocument, 'depthFlags'>): void {
  if (!doc.depthFlags.includes('3') && !doc.depthFlags.includes('4')) {
    throw new AppError('CASE_ITEM_NOT_ONLINE');
  }
}

/** The chosen answers by question, checked against the item's situation questions. */
export function chosenAnswers(
  doc: CatalogItemDocument,
  answers: Record<string, string | string[]>,
): ChosenAnswers {
  const fields: Field[] = [];
  const chosen: Record<string, string[]> = {};
  for (const [questionId, value] of Object.entries(answers)) {
    const question = doc.situations.find((s) => s.id === questionId);
    const path = `body.situations.${questionId}`;
    if (!question) {
      fields.push({
        path,
        message: say('该事项没有这个情形问题', 'The item has no such situation question'),
      });
      continue;
    }
    const ids = Array.isArray(value) ? value : [value];
    if (ids.length > 1 && !question.multiple) {
      fields.push({
        path,
        message: say(`“${question.question}”只能选一项`, `“${question.question}” takes one answer only`),
      });
    }
    const known: string[] = [];
    for (const id of ids) {
      if (question.answers.some((a) => a.id === id)) known.push(id);
      else {
        fields.push({
          path,
          message: say(`“${question.question}”没有选项 ${id}`, `“${question.question}” has no answer ${id}`),
        });
      }
    }
    chosen[questionId] = known;
  }
  if (fields.length > 0) throw new AppError('CASE_FORM_INVALID', { fields });
  return chosen;
}

/**
 * The checklist of the materials that apply (those of the chosen situations plus the base set):
 * one entry each, as ticked, or `missing` when not ticked. A material that does not apply is an error.
 */
export function checklist(
  doc: CatalogItemDocument,
  {
    chosen,
    inputs,
    deferral,
  }: {
    chosen: ChosenAnswers;
    /** The materials as ticked. */
    inputs: readonly MaterialInput[];
    /** The dates a deferred material may be promised for. */
    deferral: DeferralWindow;
  },
): MaterialRecord[] {
  const applicable = new Set(applicableFor(doc, chosen).materialIds);
  for (const [i, input] of inputs.entries()) {
    if (!applicable.has(input.materialId)) {
      throw new AppError('CASE_MATERIAL_UNKNOWN', {
        materialId: input.materialId,
        fields: [
          {
            path: `body.materials.${i}.materialId`,
            message: say(
              '该材料不属于本事项（或不适用于所选情形）',
              'This material is not one of the item’s (or not for the situations chosen)',
            ),
          },
        ],
      });
    }
  }
  return doc.materials
    .filter((m) => applicable.has(m.id))
    .map((m) => {
      const base: MaterialRecord = {
        materialId: m.id,
        name: m.name,
        required: m.required,
        deferrable: m.deferrable,
        form: 'missing',
        copies: null,
        note: null,
        deferredUntil: null,
        suppliedAt: null,
      };
      const input = inputs.find((x) => x.materialId === m.id);
      const record = input ? applyMaterialInput(base, input) : base;
      if (record.form === 'deferred') checkDeferral(record, deferral);
      return record;
    });
}

/** The one-time correction notice's items: every required material not presented nor deferred. */
export function missingItems(
  materials: readonly MaterialRecord[],
): { materialId: string; name: string; problem: string }[] {
  return materials
    .filter((m) => m.required && m.form === 'missing')
    .map((m) => ({ materialId: m.materialId, name: m.name, problem: '未提交，请补充提交' }));
}

/** The application form, checked against the item's fields: required ones present, kinds right. */
export function checkForm(
  doc: CatalogItemDocument,
  form: Record<string, unknown>,
): { values: Record<string, string | number | boolean | string[]>; secretKeys: string[] } {
  const fields: Field[] = [];
  const known = new Map(doc.formFields.map((f) => [f.key, f]));
  for (const key of Object.keys(form)) {
    if (!known.has(key)) {
      fields.push({
        path: `body.form.${key}`,
        message: say('该事项的申请表没有此字段', 'The item’s application form has no such field'),
      });
    }
  }
  for (const f of doc.formFields) {
    const v = form[f.key];
    const path = `body.form.${f.key}`;
    const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (f.required)
        fields.push({ path, message: say(`请填写“${f.label}”`, `Please fill in “${f.label}”`) });
      continue;
    }
    const problem = kindProblem(f.kind, f.options, v);
    if (problem)
      fields.push({ path, message: say(`“${f.label}”${problem.zh}`, `“${f.label}” ${problem.en}`) });
  }
  if (fields.length > 0) throw new AppError('CASE_FORM_INVALID', { fields });
  const values = form as Record<string, string | number | boolean | string[]>;
  const secretKeys = doc.formFields
    .filter((f) => secretFieldKind(f) !== null && values[f.key] !== undefined)
    .map((f) => f.key);
  return { values, secretKeys };
}

const PHONE_LABEL = /电话|手机/;

/** The kinds of personal value a form field may hold, each with its own mask. */
export type SecretFieldKind = 'idNumber' | 'phone' | 'address';

/**
 * Form fields that hold personal data kept only masked and SM4-encrypted (like the applicant's own
 * ID number, phone and address): ID-number fields, address fields (kind `address`, or a key the
 * catalogues use for the applicant's address), and the phone fields the catalogues name by key
 * (联系电话 is a text field in GB/T 39046 forms, so its key or label says what it holds).
 */
export function secretFieldKind(field: { key: string; kind: string; label: string }): SecretFieldKind | null {
  if (field.kind === 'id_number') return 'idNumber';
  const part = APPLICANT_FORM_KEYS[field.key];
  if (field.kind === 'address' || part === 'address') return 'address';
  return part === 'phone' || PHONE_LABEL.test(field.label) ? 'phone' : null;
}

function kindProblem(kind: string, options: readonly string[], v: unknown): Problem | null {
  switch (kind) {
    case 'number':
      return typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)))
        ? null
        : { zh: '应为数字', en: 'should be a number' };
    case 'date':
      return typeof v === 'string' && isRealIsoDate(v)
        ? null
        : { zh: '应为日期 YYYY-MM-DD', en: 'should be a date YYYY-MM-DD' };
    case 'choice': {
      const values = Array.isArray(v) ? v : [v];
      return values.every((x) => typeof x === 'string' && options.includes(x))
        ? null
        : { zh: '不是可选的选项', en: 'is not one of the options' };
    }
    case 'id_number':
      return typeof v === 'string' ? idNumberIssue(v.trim().toUpperCase()) : NOT_TEXT;
    case 'credit_code':
      return typeof v === 'string' ? creditCodeIssue(v.trim().toUpperCase()) : NOT_TEXT;
    default:
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
        ? null
        : { zh: '格式不正确', en: 'is malformed' };
  }
}

const NOT_TEXT: Problem = { zh: '应为文本', en: 'should be text' };
