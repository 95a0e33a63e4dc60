import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ApplicationIdParams,
  ApplicationList,
  ApplicationView,
  SaveApplicationBody,
  StartApplicationBody,
  SubmitApplicationBody,
} from '../../../../contracts/portal-applications.ts';
import type { Platform } from '../../../platform/context.ts';
import {
  getApplication,
  listApplications,
  saveApplication,
  startApplication,
} from '../applications/drafts.ts';
import { submitApplication } from '../applications/submit.ts';
import { requirePortalActor } from './portal-session.ts';
import { applicationFileRoutes } from './routes-application-files.ts';

/** 网上申请: start (or resume), read, save a step, submit, list the account's own; its materials' files. */
export function applicationRoutes(app: FastifyInstance, platform: Platform): void {
  applicationFileRoutes(app, platform);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { portal: true };
  r.post(
    '/api/portal/applications',
    {
      schema: {
        operationId: 'startPortalApplication',
        tags: ['portal'],
        summary: '开始网上申请（已有草稿则继续）',
        body: StartApplicationBody,
        response: { 200: ApplicationView },
      },
      config,
    },
    async (req) => startApplication(platform, requirePortalActor(req), req.body),
  );
  r.get(
    '/api/portal/applications',
    {
      schema: {
        operationId: 'listPortalApplications',
        tags: ['portal'],
        summary: '我的网上申请（草稿和已提交）',
        response: { 200: ApplicationList },
      },
      config,
    },
    async (req) => listApplications(platform, requirePortalActor(req)),
  );
  r.get(
    '/api/portal/applications/:id',
    {
      schema: {
        operationId: 'getPortalApplication',
        tags: ['portal'],
        summary: '网上申请详情（个人信息脱敏）',
        params: ApplicationIdParams,
        response: { 200: ApplicationView },
      },
      config,
    },
    async (req) => getApplication(platform, requirePortalActor(req), req.params.id),
  );
  r.patch(
    '/api/portal/applications/:id',
    {
      schema: {
        operationId: 'savePortalApplication',
        tags: ['portal'],
        summary: '保存网上申请的一步（情形、申请表）',
        params: ApplicationIdParams,
        body: SaveApplicationBody,
        response: { 200: ApplicationView },
      },
      config,
    },
    async (req) => saveApplication(platform, requirePortalActor(req), { ...req.body, id: req.params.id }),
  );
  r.post(
    '/api/portal/applications/:id/submit',
    {
      schema: {
        operationId: 'submitPortalApplication',
        tags: ['portal'],
        summary: '提交网上申请（成为办件，进入网上预审）',
        description:
          '申请须完整：必填项已填、必要材料均已上传，否则 409 PORTAL_APPLICATION_INCOMPLETE（details 列出 missingFields、missingMaterials）。提交后不能再修改。',
        params: ApplicationIdParams,
        body: SubmitApplicationBody,
        response: { 200: ApplicationView },
      },
      config,
    },
    async (req) => submitApplication(platform, requirePortalActor(req), { ...req.body, id: req.params.id }),
  );
}
