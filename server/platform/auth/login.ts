import { clearAttempts, clearAttemptsStartingWith, countFailure, limitAddressOf } from '../attempts/index.ts';
import { auditPlatform } from '../audit/actions.ts';
import type { Platform } from '../context.ts';
import { inTransaction } from '../context.ts';
import type { Tx } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { nowIso } from '../time.ts';
import { recordAccountLocked } from './events.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

/** Failures of one user name from one address before that address is refused for that name. */
export const PAIR_LIMIT = 5;
/** Failures of one user name from all addresses together before every address is refused. */
export const ACCOUNT_LIMIT = 20;
/** The window both are counted in, and so how long a refusal lasts. */
export const LOCK_MINUTES = 15;
const WINDOW = { windowMs: LOCK_MINUTES * 60_000 };
/** An address the account logged in from within this many days is its owner's (see isKnownAddress). */
export const KNOWN_DAYS = 90;

// Verifying against a real hash for unknown users keeps the timing of both answers alike.
let dummyHash: Promise<string> | null = null;

const pairKey = (username: string, ip: string | null) => `login:pair:${username}:${limitAddressOf(ip)}`;
const accountKey = (username: string) => `login:account:${username}`;

/**
 * Logs a user in (see README.md beside this file). Each attempt is counted before the password is
 * looked at, per user name and address and per user name alone, in one atomic statement each, so
 * concurrent guesses cannot slip past the count. Past PAIR_LIMIT that address, past ACCOUNT_LIMIT
 * every address the account has not logged in from lately (KNOWN_DAYS), is refused for the rest of
 * the window without the password being checked. Every
 * failure — unknown name, wrong password, disabled account, refused attempt — gets one answer,
 * AUTH_INVALID_CREDENTIALS, so a caller learns nothing of which it was. A success forgets its
 * address's count (and the account's, unless the account is under attack). Every attempt is audited.
 */
export async function login(
  platform: Platform,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; accountId: string }> {
  const username = input.username;
  const pair = await countFailure(platform.db, { key: pairKey(username, input.ip), policy: WINDOW });
  const account = await platform.db
    .selectFrom('accounts')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  const overPair = pair.failures > PAIR_LIMIT;
  // An address already refused adds nothing to the account's count: one address cannot lock anyone out.
  const total = overPair
    ? null
    : await countFailure(platform.db, { key: accountKey(username), policy: WINDOW });
  const overAccount = total !== null && total.failures > ACCOUNT_LIMIT;
  // Guesses from many addresses refuse the account to new addresses only: its owner, at an address
  // it logged in from lately, keeps the five tries of that address.
  const known = overAccount && account ? await isKnownAddress(platform, account.id, input.ip) : false;
  // The row names the account tried (or the name typed, when no such account exists).
  const who = { accountId: account?.id ?? null, name: account?.username ?? username.slice(0, 64) };
  const auditBase = { entityType: 'account', entityId: account?.id ?? null };
  if (overPair || (overAccount && !known)) {
    if (total?.failures === ACCOUNT_LIMIT + 1 && account) {
      // Once per window: the account is under attack from several addresses; its row shows it locked.
      // The event lets the org module alert the administrators who manage this person.
      const lockedUntil = new Date(Date.parse(total.firstAt ?? nowIso()) + WINDOW.windowMs).toISOString();
      await inTransaction(platform, async (trx) => {
        await trx
          .updateTable('accounts')
          .set({ locked_until: lockedUntil })
          .where('id', '=', account.id)
          .execute();
        await auditPlatform(platform, trx, {
          actor: who,
          ...auditBase,
          action: 'auth.lock',
          detail: { ip: input.ip, failures: total.failures },
        });
        await recordAccountLocked(platform, trx, {
          accountId: account.id,
          failures: total.failures,
          lockedUntil,
          at: nowIso(),
        });
      });
    }
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (!account) {
    dummyHash ??= hashPassword('not-a-real-password-0');
    await verifyPassword(await dummyHash, input.password);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const ok = await verifyPassword(account.password_hash, input.password);
  if (!ok || account.disabled) {
    await inTransaction(platform, async (trx) => {
      await auditPlatform(platform, trx, {
        actor: who,
        ...auditBase,
        action: ok ? 'auth.loginDisabled' : 'auth.loginFailed',
        detail: { ip: input.ip, failures: total?.failures ?? null },
      });
    });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  return inTransaction(platform, async (trx) => {
    // The account's own count stays: an attack from elsewhere goes on being refused while its owner works.
    await clearAttempts(trx, pairKey(username, input.ip));
    if (!overAccount) await clearAttempts(trx, accountKey(username));
    if (input.ip) await rememberAddress(trx, account.id, input.ip);
    const session = await createSession(trx, account.id, { ip: input.ip, userAgent: input.userAgent });
    await auditPlatform(platform, trx, {
      actor: who,
      ...auditBase,
      action: 'auth.login',
      detail: { ip: input.ip, at: nowIso() },
    });
    return { ...session, accountId: account.id };
  });
}

/** An address this account logged in from within KNOWN_DAYS. */
async function isKnownAddress(platform: Platform, accountId: string, ip: string | null): Promise<boolean> {
  if (!ip) return false;
  const since = new Date(Date.now() - KNOWN_DAYS * 86_400_000).toISOString();
  const row = await platform.db
    .selectFrom('login_addresses')
    .select('ip')
    .where('account_id', '=', accountId)
    .where('ip', '=', ip)
    .where('last_login_at', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}

async function rememberAddress(trx: Tx, accountId: string, ip: string): Promise<void> {
  const at = nowIso();
  await trx
    .insertInto('login_addresses')
    .values({ account_id: accountId, ip, last_login_at: at })
    .onConflict((oc) => oc.columns(['account_id', 'ip']).doUpdateSet({ last_login_at: at }))
    .execute();
}

/** Forgets every counted log-in failure of a user name (a success, or a password reset by an administrator). */
export async function forgetLoginFailures(
  db: Parameters<typeof clearAttemptsStartingWith>[0],
  username: string,
) {
  await clearAttemptsStartingWith(db, `login:pair:${username}:`);
  await clearAttempts(db, accountKey(username));
}
