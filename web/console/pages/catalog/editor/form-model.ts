/**
 * The editor's form model: the item document with file references as plain names (an input holds
 * text, the document holds `{ name, fileId } | null`), the template of a new item, and the mapping
 * of the server's field errors (`body.document.promisedLimit.value`) onto the form's fields.
 */
import type { FormInstance } from 'antd';
import type { CatalogItemDocument, CatalogItemInput, MaterialDoc } from '../../../../../contracts/catalog.ts';
import { ApiError } from '../../../../ui/api.ts';
import { toNamePath } from '../../../../ui/form-errors.ts';

export interface FileName {
  name: string;
  fileId: string | null;
}
export type MaterialForm = Omit<MaterialDoc, 'blankForm' | 'sample'> & {
  blankForm: FileName;
  sample: FileName;
};
export type ItemForm = Omit<CatalogItemDocument, 'materials' | 'result'> & {
  materials: MaterialForm[];
  result: { name: string; sample: FileName };
};

const toName = (ref: { name: string; fileId: string | null } | null): FileName => ({
  name: ref?.name ?? '',
  fileId: ref?.fileId ?? null,
});
const toRef = (f: FileName | undefined) =>
  f?.name?.trim() ? { name: f.name.trim(), fileId: f.fileId ?? null } : null;

/** A document as the form holds it. */
export function formOf(doc: CatalogItemDocument): ItemForm {
  return {
    ...doc,
    materials: doc.materials.map((m) => ({ ...m, blankForm: toName(m.blankForm), sample: toName(m.sample) })),
    result: { name: doc.result.name, sample: toName(doc.result.sample) },
  };
}

/** The form's values as a document to send (the server validates it and names what is wrong). */
export function documentOf(values: ItemForm): CatalogItemInput {
  return {
    ...values,
    legalLimit: { ...values.legalLimit, value: values.legalLimit.value ?? null },
    materials: (values.materials ?? []).map((m) => ({
      ...m,
      blankForm: toRef(m.blankForm),
      sample: toRef(m.sample),
    })),
    result: { name: values.result.name, sample: toRef(values.result.sample) },
    situations: (values.situations ?? []).map((s) => ({
      ...s,
      answers: (s.answers ?? []).map((a) => ({
        ...a,
        materialIds: a.materialIds ?? [],
        conditionIds: a.conditionIds ?? [],
      })),
    })),
    formFields: (values.formFields ?? []).map((f) => ({ ...f, options: f.options ?? [] })),
  };
}

const HOURS = '周一至周五 上午8:30—11:30，下午13:00—16:30（法定节假日除外）';

/** The template of a new item: the common case of a county licence accepted at any window. */
export function newItemForm(departmentId: string | undefined): ItemForm {
  return {
    name: '',
    catalogCode: '',
    implementationCode: '',
    type: '01',
    legalBasis: '',
    exerciseLevel: '4',
    powerDivision: '',
    exerciseContent: '',
    departmentId: departmentId ?? '',
    implementingBody: { name: '', creditCode: '', nature: '1' },
    coDepartments: [],
    legalLimit: { value: 20, unit: 'working_day', note: '' },
    promisedLimit: { value: 10, unit: 'working_day', note: '' },
    caseType: '2',
    conditions: [{ id: 'c1', text: '' }],
    process: '',
    intermediaryServices: '无',
    quantityLimit: '无数量限制',
    specialProcedures: '',
    fee: { charged: false, basis: '', standard: '' },
    serviceObjects: ['1'],
    topics: { person: [], legal: [] },
    handlingForms: ['1'],
    channels: { appointment: true, onlinePayment: false, mail: false, online: false, onlineUrl: '' },
    depthFlags: ['1'],
    visits: 1,
    tongbanScope: 'none',
    place: '',
    hours: HOURS,
    consultPhone: '',
    complaintPhone: '12345',
    faq: [],
    result: { name: '', sample: { name: '', fileId: null } },
    formFields: [],
    materials: [],
    situations: [],
    window: { inHall: true, comprehensive: true, grassroots: [] },
  };
}

/** Clears the errors a previous save left on the fields. */
export function clearErrors(form: FormInstance): void {
  const stale = form.getFieldsError().filter((f) => f.errors.length);
  form.setFields(stale.map((f) => ({ name: f.name, errors: [] })));
}

/**
 * Puts the server's field errors on the editor's fields. A path deeper than any field (an id inside
 * a multi-select: `situations.0.answers.1.materialIds.0`) lands on the nearest field that holds it.
 * Returns the errors that found no field, for a message.
 */
export function applyDocumentErrors(form: FormInstance, err: unknown): { path: string; message: string }[] {
  if (!(err instanceof ApiError)) return [];
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: { path: string; message: string }[] = [];
  for (const f of err.fields) {
    let name = toNamePath(f.path);
    if (name[0] === 'document') name = name.slice(1);
    while (name.length && !registered.has(JSON.stringify(name))) name = name.slice(0, -1);
    if (!name.length) {
      unplaced.push(f);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(f.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unplaced;
}
