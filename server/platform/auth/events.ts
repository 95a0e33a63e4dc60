import type { Platform } from '../context.ts';
import type { Tx } from '../db/index.ts';
import { recordEvent } from '../events/index.ts';

/**
 * The event the log-in publishes (platform/events), `auth.accountLocked`: failures from several
 * addresses refused an account to new addresses for the rest of the window, once per window. The
 * org module tells the administrators who manage that person; other parts may listen as well.
 */
export interface AccountLockedPayload {
  [key: string]: string | number;
  accountId: string;
  failures: number;
  /** Until when new addresses are refused (UTC ISO). */
  lockedUntil: string;
  at: string;
}

export async function recordAccountLocked(
  platform: Platform,
  trx: Tx,
  payload: AccountLockedPayload,
): Promise<void> {
  await recordEvent(platform, trx, { type: 'auth.accountLocked', subjectId: payload.accountId, payload });
}
