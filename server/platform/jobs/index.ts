/** What modules use of the job table: enqueue in their transaction, and declare handlers. */
export { enqueueDailyJob } from './daily-job.ts';
export { enqueueJob, type NewJob } from './enqueue-job.ts';
export {
  type JobContext,
  type JobHandler,
  type JobHandlers,
  mergeHandlers,
  typedHandler,
} from './handlers.ts';
export { DEFAULT_MAX_ATTEMPTS, retryDelayMs } from './retry-policy.ts';
export { type JobLog, JobRunner, type JobRunnerOptions, type RunSummary, stderrJobLog } from './runner.ts';
