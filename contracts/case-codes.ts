/** Case code lists without zod, so that browser pages can import them as values (cases.ts re-exports them). */

export const CASE_STATUSES = [
  'received',
  'intake_correction',
  'refused',
  'in_process',
  'process_correction',
  'special_procedure',
  'decided',
  'concluded',
  'delivered',
  'withdrawn',
  'voided',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const WARNING_LEVELS = ['none', 'green', 'yellow', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];
