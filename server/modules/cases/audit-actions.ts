import { CASE_ACTION_TYPES, type CaseActionType } from '../../../contracts/cases.ts';
import { auditFor } from '../../platform/context.ts';

/**
 * The audit actions the cases module writes, `case.verbObject`: one per action of a case's log
 * (`case.accept`, `case.deliver`, …), the audited reads, and the process definitions'
 * `case.updateProcess` (`process.update` before 2026-12-07; older rows keep that name).
 */
export const CASE_AUDIT_ACTIONS = [
  ...CASE_ACTION_TYPES.map((type): `case.${CaseActionType}` => `case.${type}`),
  'case.readPersonal',
  'case.searchByIdNumber',
  'case.updateProcess',
] as const;
export type CaseAuditAction = (typeof CASE_AUDIT_ACTIONS)[number];

export const auditCase = auditFor(CASE_AUDIT_ACTIONS);
