import { auditFor } from '../../platform/context.ts';

/**
 * The audit actions the org module writes, `org.verbObject`. Renamed on 2026-12-07 to the one
 * pattern; rows written before keep their old names (org.unitCreated, staff.created, …: README.md).
 */
export const ORG_AUDIT_ACTIONS = [
  'org.createUnit',
  'org.updateUnit',
  'org.moveUnit',
  'org.deleteUnit',
  'org.createWindow',
  'org.updateWindow',
  'org.createStaff',
  'org.updateStaff',
  'org.deactivateStaff',
  'org.resetStaffPassword',
  'org.readStaffPhone',
] as const;
export type OrgAuditAction = (typeof ORG_AUDIT_ACTIONS)[number];

export const auditOrg = auditFor(ORG_AUDIT_ACTIONS);
