/** First retry waits 10 s (2¹ × 5 s), then 20 s, 40 s, … */
const BASE_DELAY_MS = 5_000;
/** No retry waits longer than an hour. */
const MAX_DELAY_MS = 3_600_000;
/** Attempts a job gets unless its enqueuer says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** Delay before the next try after `attempts` failed runs: 2^attempts × 5 s, capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(attempts, 0) * BASE_DELAY_MS, MAX_DELAY_MS);
}

/** What happens to a job whose run number `attempts` (of `maxAttempts`) failed at `now`. */
export function afterFailure(
  attempts: number,
  maxAttempts: number,
  now: Date,
): { status: 'dead'; runAt: null } | { status: 'pending'; runAt: string } {
  if (attempts >= maxAttempts) return { status: 'dead', runAt: null };
  return { status: 'pending', runAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString() };
}
