import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ProgressView } from '../../../../contracts/case-views.ts';
import { ProgressLookupQuery } from '../../../../contracts/cases.ts';
import type { Platform } from '../../../platform/context.ts';
import type { CaseSettings } from '../domain/case-settings.ts';
import { lookupProgress } from '../progress/lookup-progress.ts';

/** Public progress lookup, no log-in: rate-limited per client address, and failures counted per case (lookup-progress.ts). */
export function publicProgressRoutes(app: FastifyInstance, platform: Platform, settings: CaseSettings): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/public/case-progress',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        operationId: 'lookupCaseProgress',
        tags: ['public'],
        summary: '办件进度查询（办件编号 + 查询码，或证件号码后6位；免登录）',
        description:
          '同一办件编号一小时内查询失败 5 次后，只能凭查询码查询。查询码错误、证件号码后6位错误、办件编号不存在及受限时的回答完全相同。',
        querystring: ProgressLookupQuery,
        response: { 200: ProgressView },
      },
    },
    async (req) => lookupProgress(platform, req.query, settings),
  );
}
