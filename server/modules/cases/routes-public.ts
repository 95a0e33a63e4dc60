import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ProgressView } from '../../../contracts/case-views.ts';
import { ProgressLookupQuery } from '../../../contracts/cases.ts';
import type { Platform } from '../../platform/context.ts';
import { lookupProgress } from './lookup-progress.ts';
import type { CaseSettings } from './settings.ts';

/** Public progress lookup, no log-in: rate-limited per client address. */
export function publicProgressRoutes(app: FastifyInstance, platform: Platform, settings: CaseSettings): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/public/case-progress',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        operationId: 'lookupCaseProgress',
        tags: ['public'],
        summary: '办件进度查询（办件编号 + 证件号码后6位，免登录）',
        querystring: ProgressLookupQuery,
        response: { 200: ProgressView },
      },
    },
    async (req) => lookupProgress(platform, req.query.number, req.query.tail, settings),
  );
}
