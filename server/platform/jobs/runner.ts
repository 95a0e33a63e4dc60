import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Platform } from '../context.ts';
import { fromJson } from '../db/json.ts';
import type { JobHandlers } from './handlers.ts';
import { afterFailure } from './retry-policy.ts';
import { buryAbandonedJobs, type ClaimedJob, claimNextJob, markJobDone, markJobFailed } from './store.ts';

/** Where the runner reports failures; main passes one that writes a line to stderr. */
export type JobLog = (
  level: 'info' | 'warn' | 'error',
  message: string,
  fields: Record<string, unknown>,
) => void;

export interface JobRunnerOptions {
  /** Recorded in `locked_by`; unique per process by default (host:pid:random). */
  id?: string;
  /** Poll interval; config.jobPollMs by default; 0 means `start()` does nothing. */
  pollMs?: number;
  /** How long a claim holds before another runner may take the job over (default 5 minutes). */
  leaseMs?: number;
  /** Jobs per poll before sleeping (default 20). */
  batchSize?: number;
  /** The clock; tests move it forward to make back-off delays pass. */
  now?: () => Date;
  log?: JobLog;
}

/** What one `runDueJobs` call did. */
export interface RunSummary {
  ran: number;
  succeeded: number;
  /** Failed and scheduled again. */
  failed: number;
  /** Failed for the last time. */
  dead: number;
}

const DEFAULT_LEASE_MS = 5 * 60_000;
const MAX_ERROR_LENGTH = 2000;

/** Writes warnings and errors as one line each to stderr. */
export const stderrJobLog: JobLog = (level, message, fields) => {
  if (level === 'info') return;
  console.error(`[jobs] ${level}: ${message} ${JSON.stringify(fields)}`);
};

/**
 * Polls the job table of one process and runs due jobs, one at a time, each after claiming it with
 * a lease. Any number of runners (in any number of processes) may share one database.
 */
export class JobRunner {
  readonly id: string;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly now: () => Date;
  private readonly log: JobLog;
  private timer: NodeJS.Timeout | null = null;
  private tickInFlight: Promise<void> | null = null;
  private started = false;
  private stopRequested = false;

  constructor(
    private readonly platform: Platform,
    private readonly handlers: JobHandlers,
    options: JobRunnerOptions = {},
  ) {
    this.id = options.id ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.pollMs = options.pollMs ?? platform.config.jobPollMs;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.batchSize = options.batchSize ?? 20;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? stderrJobLog;
  }

  /** Starts polling (no-op when the poll interval is 0 or it already runs). */
  start(): void {
    if (this.pollMs <= 0 || this.started) return;
    this.started = true;
    this.stopRequested = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the job in hand to finish; claims nothing more. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.tickInFlight;
  }

  /**
   * Runs up to `limit` due jobs now, one after another; tests call this instead of `start()`. After
   * `stop()` it finishes the job in hand and claims no more.
   */
  async runDueJobs(limit = this.batchSize): Promise<RunSummary> {
    const summary: RunSummary = { ran: 0, succeeded: 0, failed: 0, dead: 0 };
    const buried = await buryAbandonedJobs(this.platform.db, this.now());
    if (buried > 0) this.log('error', 'jobs abandoned during their last attempt are dead', { buried });
    while (summary.ran < limit && !this.stopRequested) {
      const job = await claimNextJob(this.platform.db, this.platform.dialect, {
        runnerId: this.id,
        now: this.now(),
        leaseMs: this.leaseMs,
      });
      if (!job) break;
      summary.ran++;
      summary[await this.runOne(job)]++;
    }
    return summary;
  }

  /** Runs one claimed job and records the outcome; handler failures never escape. */
  private async runOne(job: ClaimedJob): Promise<'succeeded' | 'failed' | 'dead'> {
    const handler = this.handlers[job.kind];
    let error: string | null = null;
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}" in this process`);
      await handler(fromJson<unknown>(job.payload, null), this.platform, {
        id: job.id,
        kind: job.kind,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        runnerId: this.id,
      });
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR_LENGTH) || 'failed';
    }
    const fields = { jobId: job.id, kind: job.kind, attempt: job.attempts, runner: this.id };
    if (error === null) {
      if (!(await markJobDone(this.platform.db, { id: job.id, runnerId: this.id, now: this.now() }))) {
        this.log('warn', 'job finished after its lease ran out; another runner may run it again', fields);
      }
      return 'succeeded';
    }
    const now = this.now();
    const outcome = afterFailure(job.attempts, job.max_attempts, now);
    const held = await markJobFailed(this.platform.db, {
      id: job.id,
      runnerId: this.id,
      outcome: { ...outcome, error },
      now,
    });
    if (!held) this.log('warn', 'job failed after its lease ran out', { ...fields, error });
    else if (outcome.status === 'dead')
      this.log('error', 'job failed for the last time', { ...fields, error });
    else this.log('warn', 'job failed; will retry', { ...fields, error, runAt: outcome.runAt });
    return outcome.status === 'dead' ? 'dead' : 'failed';
  }

  private schedule(delayMs: number): void {
    if (this.stopRequested) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tickInFlight = this.tick().finally(() => {
        this.tickInFlight = null;
      });
    }, delayMs);
    this.timer.unref();
  }

  /** One poll: run a batch, then sleep (or go again at once when the batch was full). */
  private async tick(): Promise<void> {
    let next = this.pollMs;
    try {
      const summary = await this.runDueJobs(this.batchSize);
      if (summary.ran === this.batchSize) next = 0;
    } catch (err) {
      // The database may be briefly unavailable: log and poll again, never crash the process.
      this.log('error', 'job poll failed', { error: err instanceof Error ? err.message : String(err) });
    }
    this.schedule(next);
  }
}
