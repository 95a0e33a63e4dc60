import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import { applicableFor } from '../../../../contracts/catalog-situations.ts';
import type {
  ApplicationFileView,
  OnlineApplicationView,
} from '../../../../contracts/portal-applications.ts';
import type { Platform } from '../../../platform/context.ts';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../../platform/crypto/mask.ts';
import { fromJson, toJson } from '../../../platform/db/json.ts';
import { secretFieldKind } from '../../cases/index.ts';
import type { PortalApplicationFilesTable, PortalApplicationsTable } from '../store/tables.ts';

export type FormValuesMap = Record<string, unknown>;

/** The draft's form in clear (it is one SM4 ciphertext at rest). */
export function formOf(platform: Platform, row: Pick<PortalApplicationsTable, 'form_enc'>): FormValuesMap {
  return fromJson<FormValuesMap>(platform.cipher.decrypt(row.form_enc), {});
}

export function sealForm(platform: Platform, form: FormValuesMap): string {
  return platform.cipher.encrypt(toJson(form));
}

/** A form value as the screen shows it: personal values (name, ID number, phone, address) masked. */
export function shownValue(field: { key: string; kind: string; label: string }, value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  // A person's name is masked as on 我的 (probe finding F4); an enterprise's name is not personal.
  if (field.key === 'applicantName' || /姓名/.test(field.label)) return maskName(value);
  const kind = secretFieldKind(field);
  if (kind === 'idNumber') return maskIdNumber(value);
  if (kind === 'phone') return maskPhone(value);
  if (kind === 'address') return maskAddress(value);
  return value;
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

export function toFileView(row: PortalApplicationFilesTable): ApplicationFileView {
  return {
    id: row.file_id,
    name: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size),
    uploadedAt: row.uploaded_at,
  };
}

/** The ids of the materials that apply to the draft's answers so far. */
export function applicableMaterialIds(
  doc: CatalogItemDocument,
  row: Pick<PortalApplicationsTable, 'situations'>,
): Set<string> {
  const situations = fromJson<Record<string, string[]>>(row.situations, {});
  return new Set(applicableFor(doc, situations).materialIds);
}

/**
 * The draft as its applicant sees it: the masked form, what applies, the files uploaded for each
 * material and what is still missing.
 */
export function toApplicationView(
  platform: Platform,
  draft: {
    row: PortalApplicationsTable;
    doc: CatalogItemDocument;
    lockedKeys: readonly string[];
    files: readonly PortalApplicationFilesTable[];
  },
): OnlineApplicationView {
  const { row, doc } = draft;
  const situations = fromJson<Record<string, string[]>>(row.situations, {});
  const form = formOf(platform, row);
  const applicable = applicableMaterialIds(doc, row);
  const materials = doc.materials
    .filter((m) => applicable.has(m.id))
    .map((m) => ({
      materialId: m.id,
      name: m.name,
      required: m.required,
      files: draft.files.filter((f) => f.material_id === m.id).map(toFileView),
    }));
  return {
    id: row.id,
    itemId: row.item_id,
    itemName: doc.name,
    itemCode: doc.implementationCode,
    status: row.status,
    revision: row.revision,
    situations,
    form: Object.fromEntries(
      doc.formFields.filter((f) => f.key in form).map((f) => [f.key, shownValue(f, form[f.key])]),
    ),
    lockedKeys: [...draft.lockedKeys],
    materials,
    missingMaterials: materials
      .filter((m) => m.required && m.files.length === 0)
      .map((m) => ({ materialId: m.materialId, name: m.name })),
    missingFields: doc.formFields
      .filter((f) => f.required && f.kind !== 'attachment' && isEmpty(form[f.key]))
      .map((f) => ({ key: f.key, label: f.label })),
    caseNumber: row.case_number ?? null,
    submittedAt: row.submitted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
