import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditLogList, AuditLogQuery, AuditVerifyResult } from '../../../contracts/audit.ts';
import { authorize } from '../access/policy.ts';
import { requireActor } from '../auth/plugin.ts';
import type { Platform } from '../context.ts';
import { listAuditLog } from './list-audit-log.ts';
import { verifyAuditChain } from './verify.ts';

/** HTTP wiring of the audit log: the filtered list and the chain check, for county-wide grants only. */
export function auditRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      schema: {
        operationId: 'listAuditLog',
        tags: ['audit'],
        summary: '审计日志查询（按时间倒序）',
        querystring: AuditLogQuery,
        response: { 200: AuditLogList },
      },
    },
    async (req) => {
      // The log spans every unit of the county, so only a county-wide grant may read it.
      authorize(requireActor(req), 'audit.read', 'global');
      return listAuditLog(platform.db, req.query);
    },
  );

  r.get(
    '/api/audit/verify',
    {
      schema: {
        operationId: 'verifyAuditLog',
        tags: ['audit'],
        summary: '审计日志哈希链校验',
        response: { 200: AuditVerifyResult },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'audit.read', 'global');
      return verifyAuditChain(platform.db);
    },
  );
}
