/**
 * The national code lists a guide shows (事项类型, 办件类型, 通办范围 …) in the reader's language: the
 * contract holds the Chinese of GB/T 39046; an English reader gets these translations.
 */
import {
  BODY_NATURES,
  type BodyNature,
  CASE_TYPES,
  type CaseType,
  EXERCISE_LEVELS,
  type ExerciseLevel,
  HANDLING_FORMS,
  type HandlingForm,
  ITEM_TYPES,
  type ItemType,
  TONGBAN_SCOPES,
  type TongbanScope,
} from '../../../contracts/catalog-codes.ts';
import { useI18n } from '../../ui/i18n/index.tsx';

const ITEM_TYPES_EN: Record<ItemType, string> = {
  '01': 'Administrative licence',
  '02': 'Administrative penalty',
  '03': 'Administrative enforcement',
  '04': 'Administrative levy',
  '05': 'Administrative payment',
  '06': 'Administrative inspection',
  '07': 'Administrative confirmation',
  '08': 'Administrative award',
  '09': 'Administrative ruling',
  '10': 'Other administrative power',
  '20': 'Public service',
  filing: 'Administrative filing',
};
const EXERCISE_LEVELS_EN: Record<ExerciseLevel, string> = {
  '1': 'National',
  '2': 'Provincial',
  '3': 'City',
  '4': 'County',
  '5': 'Township (street)',
  '6': 'Village (community)',
  '7': 'Managed by level',
};
const BODY_NATURES_EN: Record<BodyNature, string> = {
  '1': 'statutory authority',
  '2': 'authorised organisation',
  '3': 'commissioned organisation',
  '9': 'other',
};
const HANDLING_FORMS_EN: Record<HandlingForm, string> = {
  '1': 'At a window',
  '2': 'Online (computer)',
  '3': 'Online (mobile)',
  '4': 'By post',
  '9': 'Other',
};
const CASE_TYPES_EN: Record<CaseType, string> = {
  '1': 'Done on the spot',
  '2': 'Done within a promised time',
  '9': 'Other',
};
const TONGBAN_SCOPES_EN: Record<TongbanScope, string> = {
  none: 'Only in this county',
  cross_county: 'Across counties',
  cross_city: 'Across cities',
  cross_province: 'Across provinces',
  national: 'Anywhere in China',
};

/** The guide's code labels in the current language, and a list joined the way the language does. */
export function useCodeLabels() {
  const { lang } = useI18n();
  const en = lang === 'en-US';
  return {
    itemType: (c: ItemType) => (en ? ITEM_TYPES_EN[c] : ITEM_TYPES[c]),
    level: (c: ExerciseLevel) => (en ? EXERCISE_LEVELS_EN[c] : EXERCISE_LEVELS[c]),
    nature: (c: BodyNature) => (en ? BODY_NATURES_EN[c] : BODY_NATURES[c]),
    handlingForm: (c: HandlingForm) => (en ? HANDLING_FORMS_EN[c] : HANDLING_FORMS[c]),
    caseType: (c: CaseType) => (en ? CASE_TYPES_EN[c] : CASE_TYPES[c]),
    tongban: (c: TongbanScope) => (en ? TONGBAN_SCOPES_EN[c] : TONGBAN_SCOPES[c]),
    /** 甲、乙 in Chinese; “a, b” in English. */
    list: (parts: readonly string[]) => parts.join(en ? ', ' : '、'),
    /** 名称（性质） in Chinese; “name (nature)” in English. */
    withNote: (name: string, note: string) => (en ? `${name} (${note})` : `${name}（${note}）`),
  };
}
