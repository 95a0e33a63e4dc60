import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { JobIdParams, JobList, JobListQuery, JobView } from '../../../contracts/jobs.ts';
import { requireActor } from '../auth/plugin.ts';
import type { Platform } from '../context.ts';
import { listJobs } from './list-jobs.ts';
import { retryJob } from './retry-job.ts';

/** The job table for operators: list, and retry a dead job. */
export function jobRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/jobs',
    {
      schema: {
        operationId: 'listJobs',
        tags: ['jobs'],
        summary: '后台任务列表',
        querystring: JobListQuery,
        response: { 200: JobList },
      },
    },
    async (req) => listJobs(platform, requireActor(req), req.query),
  );

  r.post(
    '/api/jobs/:id/retry',
    {
      schema: {
        operationId: 'retryJob',
        tags: ['jobs'],
        summary: '重新执行已失败的后台任务',
        params: JobIdParams,
        response: { 200: JobView },
      },
    },
    async (req) => retryJob(platform, requireActor(req), req.params.id),
  );
}
