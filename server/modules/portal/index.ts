/**
 * What other code may use of the portal module: its descriptor and its audit action names.
 * Test set-up is in testing/index.ts.
 */
export { PORTAL_AUDIT_ACTIONS, type PortalAuditAction } from './audit-actions.ts';
export { portalModule } from './module.ts';
