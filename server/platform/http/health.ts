import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Platform } from '../context.ts';
import { pingDatabase } from '../db/index.ts';
import { AppError } from '../errors.ts';

const HealthResponse = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });

/** Liveness with the database checked, and readiness once migrations are applied. */
export function healthRoutes(app: FastifyInstance, platform: Platform, readiness: { ready: boolean }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['ops'],
        summary: '存活检查（含数据库）',
        response: { 200: HealthResponse },
      },
    },
    async () => {
      try {
        await pingDatabase(platform.db);
      } catch (err) {
        throw new AppError('DB_UNAVAILABLE', { reason: String(err) });
      }
      return { status: 'ok' as const, database: platform.dialect };
    },
  );
  r.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        tags: ['ops'],
        summary: '就绪检查（迁移完成后）',
        response: { 200: HealthResponse },
      },
    },
    async () => {
      if (!readiness.ready) throw new AppError('NOT_READY');
      return { status: 'ok' as const, database: platform.dialect };
    },
  );
}
