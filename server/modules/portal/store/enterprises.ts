import type { Dialect, Executor } from '../../../platform/db/index.ts';
import { portalDb } from './store.ts';
import type { PortalEnterpriseMembersTable, PortalEnterprisesTable } from './tables.ts';

/** The queries of enterprises and their members: with store.ts, the only code that touches the portal's tables. */

export function findEnterpriseByCreditCode(db: Executor, creditCode: string) {
  return portalDb(db)
    .selectFrom('portal_enterprises')
    .select('id')
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
}

export async function insertEnterprise(db: Executor, row: PortalEnterprisesTable): Promise<void> {
  await portalDb(db).insertInto('portal_enterprises').values(row).execute();
}

export async function insertMember(db: Executor, row: PortalEnterpriseMembersTable): Promise<void> {
  await portalDb(db).insertInto('portal_enterprise_members').values(row).execute();
}

/**
 * An enterprise with the role of an account in it, matched by the account's phone digest; undefined
 * when the account is not (or no longer) a member, or there is no such enterprise.
 */
export function findMembership(db: Executor, who: { accountId: string; enterpriseId: string }) {
  return portalDb(db)
    .selectFrom('portal_enterprise_members as m')
    .innerJoin('portal_accounts as a', 'a.phone_digest', 'm.phone_digest')
    .innerJoin('portal_enterprises as e', 'e.id', 'm.enterprise_id')
    .selectAll('e')
    .select(['m.id as member_id', 'm.role', 'm.phone_digest'])
    .where('a.id', '=', who.accountId)
    .where('m.enterprise_id', '=', who.enterpriseId)
    .executeTakeFirst();
}

/** The enterprises an account belongs to (by its phone digest), oldest first, with its role in each. */
export function listMembershipsOf(db: Executor, accountId: string) {
  return portalDb(db)
    .selectFrom('portal_enterprise_members as m')
    .innerJoin('portal_accounts as a', 'a.phone_digest', 'm.phone_digest')
    .innerJoin('portal_enterprises as e', 'e.id', 'm.enterprise_id')
    .select(['e.id', 'e.credit_code', 'e.name', 'm.role'])
    .where('a.id', '=', accountId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

/** An enterprise's members, in the order they were added. */
export function listMembers(db: Executor, enterpriseId: string) {
  return portalDb(db)
    .selectFrom('portal_enterprise_members')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
}

export function findMember(db: Executor, key: { enterpriseId: string; memberId: string }) {
  return portalDb(db)
    .selectFrom('portal_enterprise_members')
    .selectAll()
    .where('enterprise_id', '=', key.enterpriseId)
    .where('id', '=', key.memberId)
    .executeTakeFirst();
}

export function findMemberByPhoneDigest(db: Executor, key: { enterpriseId: string; phoneDigest: string }) {
  return portalDb(db)
    .selectFrom('portal_enterprise_members')
    .select('id')
    .where('enterprise_id', '=', key.enterpriseId)
    .where('phone_digest', '=', key.phoneDigest)
    .executeTakeFirst();
}

export async function deleteMember(db: Executor, id: string): Promise<void> {
  await portalDb(db).deleteFrom('portal_enterprise_members').where('id', '=', id).execute();
}

export async function countAdministrators(db: Executor, enterpriseId: string): Promise<number> {
  const row = await portalDb(db)
    .selectFrom('portal_enterprise_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprise_id', '=', enterpriseId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Holds the enterprise's row until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite has one
 * writer anyway), so two administrators changing the members at once are taken one after the other:
 * two removing each other cannot leave the enterprise without one.
 */
export async function lockEnterprise(db: Executor, target: { id: string; dialect: Dialect }): Promise<void> {
  await portalDb(db)
    .selectFrom('portal_enterprises')
    .select('id')
    .where('id', '=', target.id)
    .$if(target.dialect === 'postgres', (qb) => qb.forUpdate())
    .execute();
}
