/** Code lists of the catalogue as antd options (labels are the national lists' Chinese names). */
import type { ItemStatus } from '../../../../contracts/catalog-api.ts';
import {
  BODY_NATURE_CODES,
  BODY_NATURES,
  CASE_TYPE_CODES,
  CASE_TYPES,
  DEPTH_FLAG_CODES,
  DEPTH_FLAGS,
  EXERCISE_LEVEL_CODES,
  EXERCISE_LEVELS,
  FORM_FIELD_KIND_CODES,
  FORM_FIELD_KINDS,
  GRASSROOTS_LEVEL_CODES,
  GRASSROOTS_LEVELS,
  HANDLING_FORM_CODES,
  HANDLING_FORMS,
  ITEM_TYPE_CODES,
  ITEM_TYPES,
  LEGAL_TOPICS,
  LIMIT_UNIT_CODES,
  LIMIT_UNITS,
  MATERIAL_MEDIA,
  MATERIAL_MEDIUM_CODES,
  PERSON_TOPICS,
  SERVICE_OBJECT_CODES,
  SERVICE_OBJECTS,
  TONGBAN_SCOPE_CODES,
  TONGBAN_SCOPES,
  TRUST_LEVEL_CODES,
} from '../../../../contracts/catalog-codes.ts';

/** Item statuses in workflow order (catalog-api.ts has them too, but with zod attached). */
export const ITEM_STATUS_KEYS = [
  'draft',
  'in_review',
  'published',
  'retired',
] as const satisfies readonly ItemStatus[];

function options<C extends string>(codes: readonly C[], labels: Record<C, string>) {
  return codes.map((value) => ({ value, label: labels[value] }));
}

/** "01 行政许可": the code first, as catalogue staff know them. */
function coded<C extends string>(codes: readonly C[], labels: Record<C, string>) {
  return codes.map((value) => ({
    value,
    label: /^\d+$/.test(value) ? `${value} ${labels[value]}` : labels[value],
  }));
}

export const OPTIONS = {
  type: coded(ITEM_TYPE_CODES, ITEM_TYPES),
  level: coded(EXERCISE_LEVEL_CODES, EXERCISE_LEVELS),
  nature: coded(BODY_NATURE_CODES, BODY_NATURES),
  objects: options(SERVICE_OBJECT_CODES, SERVICE_OBJECTS),
  forms: options(HANDLING_FORM_CODES, HANDLING_FORMS),
  caseType: options(CASE_TYPE_CODES, CASE_TYPES),
  depth: coded(DEPTH_FLAG_CODES, DEPTH_FLAGS),
  tongban: options(TONGBAN_SCOPE_CODES, TONGBAN_SCOPES),
  unit: options(LIMIT_UNIT_CODES, LIMIT_UNITS),
  medium: options(MATERIAL_MEDIUM_CODES, MATERIAL_MEDIA),
  trust: TRUST_LEVEL_CODES.map((value) => ({ value, label: value })),
  kind: options(FORM_FIELD_KIND_CODES, FORM_FIELD_KINDS),
  grassroots: options(GRASSROOTS_LEVEL_CODES, GRASSROOTS_LEVELS),
  personTopics: PERSON_TOPICS.map((value) => ({ value, label: value })),
  legalTopics: LEGAL_TOPICS.map((value) => ({ value, label: value })),
  visits: [0, 1, 2, 3].map((value) => ({ value, label: String(value) })),
};
