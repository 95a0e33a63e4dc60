import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OkResponse } from '../../../../contracts/auth.ts';
import {
  AddPortalEnterpriseMemberBody,
  PortalEnterprise,
  PortalEnterpriseFull,
  PortalEnterpriseList,
  PortalEnterpriseMemberParams,
  PortalEnterpriseParams,
  RegisterPortalEnterpriseBody,
} from '../../../../contracts/portal.ts';
import type { Platform } from '../../../platform/context.ts';
import { addPortalEnterpriseMember, removePortalEnterpriseMember } from '../enterprises/members.ts';
import { getPortalEnterprise, listPortalEnterprises, readPortalEnterprise } from '../enterprises/read.ts';
import { registerPortalEnterprise } from '../enterprises/register.ts';
import { requirePortalActor } from './portal-session.ts';

/**
 * Enterprises on the portal: registered by a real-name-checked citizen (their administrator), who
 * adds and removes staff by mobile number. Registered inside the portal scope (`routes.ts`), so the
 * portal session guard applies; every use case reads the actor's membership afresh.
 */
export function enterpriseRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/portal/enterprises',
    {
      schema: {
        operationId: 'registerPortalEnterprise',
        tags: ['portal'],
        summary: '登记企业（须已实名认证；登记人成为企业管理员）',
        body: RegisterPortalEnterpriseBody,
        response: { 200: PortalEnterprise },
      },
      config: { portal: true },
    },
    async (req) => registerPortalEnterprise(platform, requirePortalActor(req), req.body),
  );
  r.get(
    '/api/portal/enterprises',
    {
      schema: {
        operationId: 'listPortalEnterprises',
        tags: ['portal'],
        summary: '本账号所属的企业及在各企业的角色',
        response: { 200: PortalEnterpriseList },
      },
      config: { portal: true },
    },
    async (req) => listPortalEnterprises(platform, requirePortalActor(req)),
  );
  r.get(
    '/api/portal/enterprises/:enterpriseId',
    {
      schema: {
        operationId: 'getPortalEnterprise',
        tags: ['portal'],
        summary: '企业信息（法定代表人脱敏）及成员',
        params: PortalEnterpriseParams,
        response: { 200: PortalEnterprise },
      },
      config: { portal: true },
    },
    async (req) => getPortalEnterprise(platform, requirePortalActor(req), req.params.enterpriseId),
  );
  r.get(
    '/api/portal/enterprises/:enterpriseId/full',
    {
      schema: {
        operationId: 'readPortalEnterprise',
        tags: ['portal'],
        summary: '查看企业完整信息（每次查看留痕）',
        params: PortalEnterpriseParams,
        response: { 200: PortalEnterpriseFull },
      },
      config: { portal: true },
    },
    async (req) => readPortalEnterprise(platform, requirePortalActor(req), req.params.enterpriseId),
  );
  r.post(
    '/api/portal/enterprises/:enterpriseId/members',
    {
      schema: {
        operationId: 'addPortalEnterpriseMember',
        tags: ['portal'],
        summary: '按手机号添加企业成员（仅企业管理员；该手机号无需已登录过）',
        params: PortalEnterpriseParams,
        body: AddPortalEnterpriseMemberBody,
        response: { 200: PortalEnterprise },
      },
      config: { portal: true },
    },
    async (req) =>
      addPortalEnterpriseMember(platform, requirePortalActor(req), {
        ...req.body,
        enterpriseId: req.params.enterpriseId,
      }),
  );
  r.delete(
    '/api/portal/enterprises/:enterpriseId/members/:memberId',
    {
      schema: {
        operationId: 'removePortalEnterpriseMember',
        tags: ['portal'],
        summary: '移除企业成员（仅企业管理员；不能移除最后一位管理员）',
        params: PortalEnterpriseMemberParams,
        response: { 200: OkResponse },
      },
      config: { portal: true },
    },
    async (req) => {
      await removePortalEnterpriseMember(platform, requirePortalActor(req), req.params);
      return { ok: true as const };
    },
  );
}
