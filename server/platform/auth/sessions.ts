import { randomBytes } from 'node:crypto';
import { sm3 } from '../crypto/sm3.ts';
import type { Executor } from '../db/index.ts';

export const CSRF_HEADER = 'x-csrf-token';
/** Idle sessions end after 8 hours (a working day); an absolute cap of 12 hours. */
const IDLE_MS = 8 * 3600_000;
const ABSOLUTE_MS = 12 * 3600_000;

export interface SessionRow {
  accountId: string;
  csrfToken: string;
  /** When the session ends if it stays idle (ms since the epoch): the earlier of idle and absolute. */
  endsAt: number;
}

let generation = 0;

/**
 * A counter that moves whenever sessions or what an actor is made of may have changed in this
 * process (log-out, password change, an account's sessions ended, org or staff changes): anything
 * cached from a session lookup before the move is stale.
 */
export function sessionGeneration(): number {
  return generation;
}

/** Marks every cached session lookup of this process stale. */
export function forgetResolvedSessions(): void {
  generation++;
}

/** Creates a session row and returns the token for the cookie and the CSRF token for the client. */
export async function createSession(
  db: Executor,
  accountId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({
      id: sm3(token),
      account_id: accountId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ABSOLUTE_MS).toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

/** Looks a session token up; expired or idle sessions are deleted and give null. */
export async function findSession(db: Executor, token: string): Promise<SessionRow | null> {
  const id = sm3(token);
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  if (Date.parse(row.expires_at) < now || Date.parse(row.last_seen_at) + IDLE_MS < now) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  // Touch at most once a minute so reads stay cheap.
  let lastSeen = Date.parse(row.last_seen_at);
  if (lastSeen + 60_000 < now) {
    lastSeen = now;
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('id', '=', id)
      .execute();
  }
  return {
    accountId: row.account_id,
    csrfToken: row.csrf_token,
    endsAt: Math.min(Date.parse(row.expires_at), lastSeen + IDLE_MS),
  };
}

/** Ends one session. */
export async function deleteSession(db: Executor, token: string): Promise<void> {
  forgetResolvedSessions();
  await db.deleteFrom('sessions').where('id', '=', sm3(token)).execute();
}

/** Ends every session of an account (after a password change or when it is disabled). */
export async function deleteAccountSessions(
  db: Executor,
  accountId: string,
  exceptToken?: string,
): Promise<void> {
  forgetResolvedSessions();
  let q = db.deleteFrom('sessions').where('account_id', '=', accountId);
  if (exceptToken) q = q.where('id', '!=', sm3(exceptToken));
  await q.execute();
}
