import { auditFor } from '../context.ts';

/**
 * The audit actions the platform writes (auth, audit, calendar, jobs, notify), `part.verbObject`.
 * Renamed on 2026-12-07 to the one pattern; rows written before keep their old names
 * (auth.locked, auth.passwordChanged, audit.checkpoint, notify.inboxRead: see README.md).
 */
export const PLATFORM_AUDIT_ACTIONS = [
  'auth.login',
  'auth.loginFailed',
  'auth.loginDisabled',
  'auth.lock',
  'auth.changePassword',
  'audit.writeCheckpoint',
  'calendar.updateDay',
  'calendar.publishYear',
  'jobs.retry',
  'notify.readInbox',
  'notify.sendTestSms',
] as const;
export type PlatformAuditAction = (typeof PLATFORM_AUDIT_ACTIONS)[number];

export const auditPlatform = auditFor(PLATFORM_AUDIT_ACTIONS);
