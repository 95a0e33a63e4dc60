import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuditCheckpointList,
  AuditCheckpointSummary,
  AuditLogList,
  AuditLogQuery,
  AuditVerifyQuery,
  AuditVerifyResult,
} from '../../../contracts/audit.ts';
import { authorize } from '../access/policy.ts';
import { requireActor } from '../auth/plugin.ts';
import type { Platform } from '../context.ts';
import type { AnchoredChain } from './anchored-chain.ts';
import { checkpointText, listCheckpoints, summaryOf } from './checkpoint.ts';
import { publicKeyPem } from './checkpoint-format.ts';
import { createCheckpoint } from './create-checkpoint.ts';
import { listAuditLog } from './list-audit-log.ts';
import { platformSigningKey } from './signing-key.ts';
import { verifyAudit } from './verify-anchored.ts';

/**
 * HTTP wiring of the audit log: the filtered list, the check against the chain and the signed
 * checkpoints, and the checkpoints themselves, for county-wide grants with `audit.read` only.
 * Writing a checkpoint adds an anchor and changes no record, so the same right covers it.
 */
export function auditRoutes(
  app: FastifyInstance,
  platform: Platform,
  chains: readonly AnchoredChain[],
): void {
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
        summary: '审计日志哈希链与签名检查点校验',
        querystring: AuditVerifyQuery,
        response: { 200: AuditVerifyResult },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'audit.read', 'global');
      return verifyAudit(platform, chains, { checkpoints: req.query.checkpoints });
    },
  );

  r.get(
    '/api/audit/checkpoints',
    {
      schema: {
        operationId: 'listAuditCheckpoints',
        tags: ['audit'],
        summary: '审计签名检查点列表（新的在前）与平台 SM2 公钥',
        response: { 200: AuditCheckpointList },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'audit.read', 'global');
      const { publicKey } = platformSigningKey(platform.config);
      return {
        items: listCheckpoints(platform.config.auditCheckpointDir),
        publicKey,
        publicKeyPem: publicKeyPem(publicKey),
      };
    },
  );

  r.post(
    '/api/audit/checkpoints',
    {
      schema: {
        operationId: 'createAuditCheckpoint',
        tags: ['audit'],
        summary: '立即生成一个 SM2 签名的审计检查点',
        response: { 201: AuditCheckpointSummary },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'audit.read', 'global');
      const { file, checkpoint } = await createCheckpoint(platform, actor, { chains });
      return reply.code(201).send(summaryOf(file, checkpoint));
    },
  );

  r.get(
    '/api/audit/checkpoints/:file',
    {
      schema: {
        operationId: 'downloadAuditCheckpoint',
        tags: ['audit'],
        summary: '下载一个审计检查点文件（JSON）',
        params: z.object({ file: z.string().max(100) }),
      },
    },
    async (req, reply) => {
      authorize(requireActor(req), 'audit.read', 'global');
      const text = checkpointText(platform.config.auditCheckpointDir, req.params.file);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${req.params.file}"`)
        .send(text);
    },
  );
}
