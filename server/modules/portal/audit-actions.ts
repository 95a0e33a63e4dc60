import { auditFor } from '../../platform/context.ts';

/**
 * The audit actions the portal writes (`portal.verbObject`), listed once. Every full read of a
 * citizen's personal values is `portal.readProfile`, of an enterprise's `portal.readEnterprise`.
 */
export const PORTAL_AUDIT_ACTIONS = [
  'portal.register',
  'portal.login',
  'portal.logout',
  'portal.verifyIdentity',
  'portal.updateProfile',
  'portal.readProfile',
  'portal.startApplication',
  'portal.saveApplication',
  'portal.submitApplication',
  'portal.uploadMaterial',
  'portal.removeMaterial',
  'portal.downloadMaterial',
  'portal.registerEnterprise',
  'portal.addEnterpriseMember',
  'portal.removeEnterpriseMember',
  'portal.readEnterprise',
] as const;
export type PortalAuditAction = (typeof PORTAL_AUDIT_ACTIONS)[number];

/** The portal's audit writer: it writes only the names above. */
export const auditPortal = auditFor(PORTAL_AUDIT_ACTIONS);
