/**
 * Application-form fields that ask for the applicant's own data (申请人姓名, 公民身份号码, 联系电话…),
 * by the form keys the catalogues use. The window intake copies the applicant section into them,
 * and the demo fills its applications the same way, so a field never holds another field's value.
 */

/** Which part of the applicant a form field asks for. */
export type ApplicantPart = 'name' | 'idNumber' | 'creditCode' | 'legalRepresentative' | 'phone' | 'address';

/** Form key → the applicant's part it holds. */
export const APPLICANT_FORM_KEYS: Readonly<Record<string, ApplicantPart>> = {
  applicantName: 'name',
  companyName: 'name',
  unitName: 'name',
  applicantIdNumber: 'idNumber',
  unitCreditCode: 'creditCode',
  legalRepresentative: 'legalRepresentative',
  applicantPhone: 'phone',
  contactPhone: 'phone',
  applicantAddress: 'address',
  unitAddress: 'address',
  address: 'address',
};

/** The applicant as the intake holds it (any part may still be empty while the clerk types). */
export interface ApplicantParts {
  kind: 'person' | 'enterprise';
  name?: string;
  idNumber?: string;
  creditCode?: string;
  legalRepresentative?: string;
  phone?: string;
  address?: string;
}

/**
 * The values of an item's form fields that ask for the applicant's own data, by key. An ID number
 * field is filled for a person only and a credit code field for an enterprise only: the other kind
 * has none, and the field is left to the clerk. A part not given yet gives undefined.
 */
export function applicantFormValues(
  fields: readonly { key: string }[],
  applicant: ApplicantParts,
): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const f of fields) {
    const part = APPLICANT_FORM_KEYS[f.key];
    if (!part) continue;
    if (part === 'idNumber' && applicant.kind !== 'person') continue;
    if (part === 'creditCode' && applicant.kind !== 'enterprise') continue;
    values[f.key] = applicant[part];
  }
  return values;
}
