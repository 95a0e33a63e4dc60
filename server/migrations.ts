import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import { casesMigration, caseWarningNoticesMigration } from './modules/cases/index.ts';
import { caseIntakeKeyMigration } from './modules/cases/migration.ts';
import { caseActionsAppendOnlyMigration } from './modules/cases/migration-0304-append-only.ts';
import { catalogMigration } from './modules/catalog/migration.ts';
import { orgMigration } from './modules/org/migration.ts';
import type { Database } from './platform/db/index.ts';
import { platformMigration } from './platform/db/migrations/0001_platform.ts';
import { calendarSeedMigration } from './platform/db/migrations/0002_calendar_seed.ts';
import { jobsNotifyMigration } from './platform/db/migrations/0003_jobs_notify.ts';
import { attemptCountersMigration } from './platform/db/migrations/0004_attempt_counters.ts';
import { auditAppendOnlyMigration } from './platform/db/migrations/0005_audit_append_only.ts';
import { loginAddressesMigration } from './platform/db/migrations/0006_login_addresses.ts';
import { domainEventsMigration } from './platform/db/migrations/0007_domain_events.ts';

/**
 * Every migration of the house, platform first, then each module's. Names sort in the order they
 * run; a new migration takes the next number of its block (platform 0001–0099, org 0100–, catalog
 * 0200–, cases 0300–, …) and is never edited once it has landed. A database migrated before a
 * block gained a migration runs it on the next start even though it sorts before migrations already
 * run (allowUnorderedMigrations): each block's order is all that matters.
 */
function allMigrations(dialect: Database['dialect']): Record<string, Migration> {
  return {
    '0001_platform': platformMigration(dialect),
    '0002_calendar_seed': calendarSeedMigration,
    '0003_jobs_notify': jobsNotifyMigration,
    '0004_attempt_counters': attemptCountersMigration,
    '0005_audit_append_only': auditAppendOnlyMigration(dialect),
    '0006_login_addresses': loginAddressesMigration,
    '0007_domain_events': domainEventsMigration,
    '0100_org': orgMigration,
    '0200_catalog': catalogMigration(dialect),
    '0300_cases': casesMigration,
    '0301_case_warning_notices': caseWarningNoticesMigration,
    '0302_case_intake_key': caseIntakeKeyMigration,
    '0304_case_actions_append_only': caseActionsAppendOnlyMigration(dialect),
  };
}

/** Applies every pending migration; throws with the failing migration's error. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => allMigrations(database.dialect) };
  const migrator = new Migrator({ db: database.db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
