import { errorCodesOf } from '../../contracts/error-codes.ts';
import { PLATFORM_AUDIT_ACTIONS } from './audit/actions.ts';
import { auditJobHandlers, scheduleCheckpointJob } from './audit/checkpoint-job.ts';
import { registerAuditCommands } from './audit/cli.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { registerWorkdaysCommands } from './calendar/cli.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { registerBackupCommands } from './db/cli-backup.ts';
import { platformMigration } from './db/migrations/0001_platform.ts';
import { calendarSeedMigration } from './db/migrations/0002_calendar_seed.ts';
import { jobsNotifyMigration } from './db/migrations/0003_jobs_notify.ts';
import { attemptCountersMigration } from './db/migrations/0004_attempt_counters.ts';
import { auditAppendOnlyMigration } from './db/migrations/0005_audit_append_only.ts';
import { loginAddressesMigration } from './db/migrations/0006_login_addresses.ts';
import { domainEventsMigration } from './db/migrations/0007_domain_events.ts';
import { filesMigration } from './db/migrations/0008_files.ts';
import { mergeHandlers } from './jobs/handlers.ts';
import { jobRoutes } from './jobs/routes.ts';
import { jobRetentionDays, scheduleSweepJob, sweepJobHandlers } from './jobs/sweep-jobs.ts';
import type { ModuleDescriptor } from './module.ts';
import { notifyRoutes } from './notify/routes.ts';
import { notifyJobHandlers } from './notify/send-sms-job.ts';

/**
 * The platform as a part of the house: its tables (accounts, sessions, audit, jobs, outbox,
 * calendar, counters), the routes of log-in, audit, calendar, outbox and jobs, the SMS and audit
 * checkpoint jobs. It runs first; the business modules build on it (`server/modules/index.ts`).
 */
export const platformPart: ModuleDescriptor = {
  name: 'platform',
  migrations: (dialect) => ({
    '0001_platform': platformMigration(dialect),
    '0002_calendar_seed': calendarSeedMigration,
    '0003_jobs_notify': jobsNotifyMigration,
    '0004_attempt_counters': attemptCountersMigration,
    '0005_audit_append_only': auditAppendOnlyMigration(dialect),
    '0006_login_addresses': loginAddressesMigration,
    '0007_domain_events': domainEventsMigration,
    '0008_files': filesMigration(dialect),
  }),
  routes: (app, platform, house) => {
    authRoutes(app, platform);
    notifyRoutes(app, platform);
    jobRoutes(app, platform);
    auditRoutes(app, platform, house.anchoredChains);
    calendarRoutes(app, platform);
  },
  jobHandlers: (wiring, house) =>
    mergeHandlers([
      notifyJobHandlers(wiring.sms),
      auditJobHandlers(house.anchoredChains),
      sweepJobHandlers(),
    ]),
  // The daily signed audit checkpoint and the daily sweep of finished jobs re-queue themselves; this
  // makes sure each chain exists (one a day however many processes run). A bad JOB_RETENTION_DAYS
  // stops the start (CONFIG_INVALID) rather than the sweep at 03:30.
  start: async (platform) => {
    jobRetentionDays(platform.config.source);
    await scheduleCheckpointJob(platform.db);
    await scheduleSweepJob(platform.db);
  },
  commands: (program, withPlatform, house) => {
    registerBackupCommands(program, withPlatform, house);
    registerAuditCommands(program, withPlatform, house);
    registerWorkdaysCommands(program, withPlatform, house);
  },
  auditActions: PLATFORM_AUDIT_ACTIONS,
  // Request, configuration and identifier codes, and those of the platform's own parts.
  errorCodes: errorCodesOf(
    'VALIDATION_',
    'NOT_',
    'INTERNAL_',
    'RATE_',
    'PAYLOAD_',
    'UNSUPPORTED_',
    'CONFIG_',
    'CONFLICT_',
    'DB_',
    'ID_',
    'CREDIT_',
    'AUTH_',
    'ACCESS_',
    'AUDIT_',
    'CALENDAR_',
    'JOB_',
    'NOTIFY_',
    'FILE_',
  ),
  accessActions: [
    'calendar.read',
    'calendar.manage',
    'audit.read',
    'outbox.read',
    'outbox.send',
    'jobs.read',
    'jobs.manage',
  ],
};
