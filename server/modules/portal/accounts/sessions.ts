import { randomBytes } from 'node:crypto';
import { sm3 } from '../../../platform/crypto/sm3.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { deleteSession, findSessionWithAccount, insertSession, touchSession } from '../store/store.ts';
import type { PortalActor } from './portal-actor.ts';

/**
 * Portal sessions: a random token in the portal's own cookie, kept only as its SM3 digest, with its
 * own CSRF token. A citizen on a phone leaves a page open longer than a clerk at a desk, but a
 * shared or lost phone must not stay logged in for days: 2 hours idle, 12 hours at most.
 */
const IDLE_MS = 2 * 3600_000;
const ABSOLUTE_MS = 12 * 3600_000;
const TOUCH_AFTER_MS = 60_000;

export async function createPortalSession(
  db: Executor,
  session: { accountId: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; id: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = Date.now();
  const id = sm3(token);
  await insertSession(db, {
    id,
    account_id: session.accountId,
    csrf_token: csrfToken,
    created_at: new Date(now).toISOString(),
    last_seen_at: new Date(now).toISOString(),
    expires_at: new Date(now + ABSOLUTE_MS).toISOString(),
    ip: session.ip,
    user_agent: session.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, id };
}

/**
 * The portal actor of a session token and the session's CSRF token; null when the session is
 * unknown, ended, idle too long, or its account is disabled. Read on every portal request (no
 * cache): a removed account's next request is refused.
 */
export async function resolvePortalSession(
  db: Executor,
  token: string,
): Promise<{ actor: PortalActor; csrfToken: string } | null> {
  const id = sm3(token);
  const row = await findSessionWithAccount(db, id);
  if (!row) return null;
  const now = Date.now();
  const lastSeen = Date.parse(row.last_seen_at);
  if (Date.parse(row.expires_at) < now || lastSeen + IDLE_MS < now || row.disabled) {
    await deleteSession(db, id);
    return null;
  }
  if (lastSeen + TOUCH_AFTER_MS < now) await touchSession(db, id, new Date(now).toISOString());
  return {
    actor: {
      accountId: row.account_id,
      phoneMasked: row.phone_masked,
      sessionId: id,
      csrfToken: row.csrf_token,
    },
    csrfToken: row.csrf_token,
  };
}

export async function endPortalSession(db: Executor, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}
