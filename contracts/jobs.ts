import { z } from 'zod';

/** Life of a job row: pending → running → done, or back to pending after a failure, or dead. */
export const JOB_STATUSES = ['pending', 'running', 'done', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_STATUS_LABELS: Record<JobStatus, { zh: string; en: string }> = {
  pending: { zh: '待执行', en: 'Pending' },
  running: { zh: '执行中', en: 'Running' },
  done: { zh: '已完成', en: 'Done' },
  dead: { zh: '已失败（不再重试）', en: 'Dead (no more retries)' },
};

/**
 * What the jobs console filters by: one status, or `open` (pending, running or dead: what may still
 * need an operator), which is the console's default so that finished history does not bury them.
 */
export const JOB_LIST_STATUSES = ['open', ...JOB_STATUSES] as const;
export type JobListStatus = (typeof JOB_LIST_STATUSES)[number];

export const JobListQuery = z.object({
  status: z
    .enum(JOB_LIST_STATUSES)
    .optional()
    .describe('按状态筛选；open 为未完成（待执行、执行中、已失败）'),
  kind: z.string().trim().min(1).max(100).optional().describe('按任务类型筛选，如 notify.sms'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type JobListQuery = z.infer<typeof JobListQuery>;

/** A job as the console shows it; the payload is never sent (it may name people). */
export const JobView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.string(),
  lastError: z.string().nullable(),
  /**
   * Jobs of one order key run one at a time, oldest first (an event's deliveries to one subscriber
   * for one subject, e.g. `event:ratings.inviteOnDelivery:<case id>`): a pending job with a key may
   * be waiting for an earlier one, and a dead one holds back the later ones until it is retried.
   */
  orderKey: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobView = z.infer<typeof JobView>;

export const JobList = z.object({ items: z.array(JobView), total: z.number().int() });

export const JobIdParams = z.object({ id: z.string().trim().min(1).max(100) });
