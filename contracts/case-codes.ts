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

/** The one place case statuses are worded: the console and portal messages, notices and the progress look-up take them from here. */
export const CASE_STATUS_LABELS: Record<CaseStatus, { zh: string; en: string }> = {
  received: { zh: '已收件（待受理）', en: 'Received (decision pending)' },
  intake_correction: { zh: '待补正（未受理）', en: 'Awaiting correction (not accepted)' },
  refused: { zh: '不予受理', en: 'Refused' },
  in_process: { zh: '办理中', en: 'In process' },
  process_correction: { zh: '补正中（暂停计时）', en: 'Awaiting correction (clock paused)' },
  special_procedure: { zh: '特别程序（暂停计时）', en: 'Special procedure (clock stopped)' },
  decided: { zh: '已决定（待办结）', en: 'Decided (to conclude)' },
  concluded: { zh: '已办结（待送达）', en: 'Concluded (to deliver)' },
  delivered: { zh: '已送达', en: 'Delivered' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  voided: { zh: '已作废', en: 'Voided' },
};

/** The status labels in one language as message entries (`case.status.<status>`), for the web's message tables. */
export function caseStatusMessages(lang: 'zh' | 'en'): Record<`case.status.${CaseStatus}`, string> {
  return Object.fromEntries(
    CASE_STATUSES.map((status) => [`case.status.${status}`, CASE_STATUS_LABELS[status][lang]]),
  ) as Record<`case.status.${CaseStatus}`, string>;
}
