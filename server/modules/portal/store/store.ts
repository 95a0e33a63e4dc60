import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/index.ts';
import type {
  PortalAccountsTable,
  PortalApplicationsTable,
  PortalLoginCodesTable,
  PortalSessionsTable,
  PortalTables,
} from './tables.ts';

/** The portal module's queries (enterprises': enterprises.ts): the only code that touches its tables. */
export function portalDb(db: Executor) {
  return db.withTables<PortalTables>();
}

export function findAccountByPhoneDigest(db: Executor, digest: string) {
  return portalDb(db)
    .selectFrom('portal_accounts')
    .selectAll()
    .where('phone_digest', '=', digest)
    .executeTakeFirst();
}

export function findAccount(db: Executor, id: string) {
  return portalDb(db).selectFrom('portal_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAccountByIdNumberDigest(db: Executor, digest: string) {
  return portalDb(db)
    .selectFrom('portal_accounts')
    .select('id')
    .where('id_number_digest', '=', digest)
    .executeTakeFirst();
}

export async function insertAccount(db: Executor, row: PortalAccountsTable): Promise<void> {
  await portalDb(db).insertInto('portal_accounts').values(row).execute();
}

/**
 * Writes a change of the profile if it is still at `expectedRevision` (compare-and-set: of two
 * writers that read the same revision, one wins); false when another change came first.
 */
export async function updateAccountIfAt(
  db: Executor,
  change: { id: string; expectedRevision: number; set: Partial<PortalAccountsTable> },
): Promise<boolean> {
  const res = await portalDb(db)
    .updateTable('portal_accounts')
    .set({ ...change.set, revision: change.expectedRevision + 1 })
    .where('id', '=', change.id)
    .where('revision', '=', change.expectedRevision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The newest code of a number that may still be used (not used, not replaced). */
export function findOpenCode(db: Executor, phoneDigest: string) {
  return portalDb(db)
    .selectFrom('portal_login_codes')
    .selectAll()
    .where('phone_digest', '=', phoneDigest)
    .where('used_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Closes every open code of a number (a new one replaces them). */
export async function closeOpenCodes(db: Executor, phoneDigest: string, at: string): Promise<void> {
  await portalDb(db)
    .updateTable('portal_login_codes')
    .set({ used_at: at })
    .where('phone_digest', '=', phoneDigest)
    .where('used_at', 'is', null)
    .execute();
}

export async function insertCode(db: Executor, row: PortalLoginCodesTable): Promise<void> {
  await portalDb(db).insertInto('portal_login_codes').values(row).execute();
}

/**
 * Spends one try of a code, atomically: the tries so far after this one, or null when the code
 * has no try left (or was used meanwhile). Counted before the code is compared, so guesses sent
 * at once are each counted.
 */
export async function spendCodeTry(db: Executor, id: string, maxTries: number): Promise<number | null> {
  const row = await portalDb(db)
    .updateTable('portal_login_codes')
    .set({ tries: sql<number>`tries + 1` })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('tries', '<', maxTries)
    .returning('tries')
    .executeTakeFirst();
  return row ? Number(row.tries) : null;
}

/** Marks a code used; false when another request used it first. */
export async function useCode(db: Executor, id: string, at: string): Promise<boolean> {
  const res = await portalDb(db)
    .updateTable('portal_login_codes')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertSession(db: Executor, row: PortalSessionsTable): Promise<void> {
  await portalDb(db).insertInto('portal_sessions').values(row).execute();
}

/** A session with its account's state, or undefined. */
export function findSessionWithAccount(db: Executor, id: string) {
  return portalDb(db)
    .selectFrom('portal_sessions')
    .innerJoin('portal_accounts', 'portal_accounts.id', 'portal_sessions.account_id')
    .select([
      'portal_sessions.account_id',
      'portal_sessions.csrf_token',
      'portal_sessions.expires_at',
      'portal_sessions.last_seen_at',
      'portal_accounts.disabled',
      'portal_accounts.phone_masked',
    ])
    .where('portal_sessions.id', '=', id)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, id: string, at: string): Promise<void> {
  await portalDb(db).updateTable('portal_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await portalDb(db).deleteFrom('portal_sessions').where('id', '=', id).execute();
}

/** An application of this account, or undefined (another account's is not found either). */
export function findOwnApplication(db: Executor, own: { accountId: string; id: string }) {
  return portalDb(db)
    .selectFrom('portal_applications')
    .selectAll()
    .where('id', '=', own.id)
    .where('account_id', '=', own.accountId)
    .executeTakeFirst();
}

/** The account's open draft for an item, if it has one (a second start resumes it). */
export function findOpenDraft(db: Executor, own: { accountId: string; itemId: string }) {
  return portalDb(db)
    .selectFrom('portal_applications')
    .selectAll()
    .where('account_id', '=', own.accountId)
    .where('item_id', '=', own.itemId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

export function listOwnApplications(db: Executor, accountId: string) {
  return portalDb(db)
    .selectFrom('portal_applications')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
}

export async function insertApplication(db: Executor, row: PortalApplicationsTable): Promise<void> {
  await portalDb(db).insertInto('portal_applications').values(row).execute();
}

/** Saves a draft if it is still a draft at `expectedRevision`; false otherwise (compare-and-set). */
export async function saveDraftIfAt(
  db: Executor,
  change: {
    id: string;
    expectedRevision: number;
    set: Pick<PortalApplicationsTable, 'situations' | 'form_enc' | 'updated_at'>;
  },
): Promise<boolean> {
  const res = await portalDb(db)
    .updateTable('portal_applications')
    .set({ ...change.set, revision: change.expectedRevision + 1 })
    .where('id', '=', change.id)
    .where('status', '=', 'draft')
    .where('revision', '=', change.expectedRevision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Marks a draft submitted as the case it became, at the revision it was checked at: false when it
 * is no longer that draft (submitted meanwhile, or saved since).
 */
export async function markSubmittedIfAt(
  db: Executor,
  change: { id: string; expectedRevision: number; caseId: string; caseNumber: string; at: string },
): Promise<boolean> {
  const res = await portalDb(db)
    .updateTable('portal_applications')
    .set({
      status: 'submitted',
      case_id: change.caseId,
      case_number: change.caseNumber,
      submitted_at: change.at,
      updated_at: change.at,
      revision: change.expectedRevision + 1,
    })
    .where('id', '=', change.id)
    .where('status', '=', 'draft')
    .where('revision', '=', change.expectedRevision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
