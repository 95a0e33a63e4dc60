import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OkResponse } from '../../../../contracts/auth.ts';
import {
  PortalCodeSent,
  PortalLoginBody,
  PortalLoginReply,
  PortalMe,
  PortalProfileFull,
  PortalSession,
  RequestPortalCodeBody,
  UpdatePortalProfileBody,
  VerifyPortalIdentityBody,
} from '../../../../contracts/portal.ts';
import { clearSessionCookie, setSessionCookie } from '../../../platform/auth/cookie.ts';
import type { Platform } from '../../../platform/context.ts';
import { DEVELOPMENT_STUB_IDENTITY_PROVIDER } from '../accounts/identity-provider.ts';
import { logInToPortal } from '../accounts/log-in.ts';
import {
  getPortalMe,
  logOutOfPortal,
  readPortalProfile,
  updatePortalProfile,
  verifyPortalIdentity,
} from '../accounts/profile.ts';
import { requestPortalCode } from '../accounts/request-code.ts';
import { guardPortalRoutes, PORTAL_COOKIE, requirePortalActor } from './portal-session.ts';
import { applicationRoutes } from './routes-applications.ts';
import { enterpriseRoutes } from './routes-enterprises.ts';

/**
 * The portal's HTTP routes, in their own scope: the portal session guard applies to them and to
 * nothing else, and the staff session is never looked at on them (platform/auth `config.portal`).
 */
export function portalRoutes(app: FastifyInstance, platform: Platform): void {
  app.register(async (scope) => {
    guardPortalRoutes(scope, platform);
    accountRoutes(scope, platform);
    applicationRoutes(scope, platform);
    enterpriseRoutes(scope, platform);
  });
}

function accountRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicUrl = platform.config.publicUrl;
  r.post(
    '/api/portal/login-code',
    {
      schema: {
        operationId: 'requestPortalCode',
        tags: ['portal'],
        summary: '获取一网通办登录短信验证码（注册即登录）',
        body: RequestPortalCodeBody,
        response: { 200: PortalCodeSent },
      },
      config: { portal: true, portalPublic: true },
    },
    async (req) => requestPortalCode(platform, { phone: req.body.phone, ip: req.ip }),
  );
  r.post(
    '/api/portal/login',
    {
      schema: {
        operationId: 'portalLogin',
        tags: ['portal'],
        summary: '手机号加短信验证码登录一网通办（首次登录即开户）',
        body: PortalLoginBody,
        response: { 200: PortalLoginReply },
      },
      config: { portal: true, portalPublic: true },
    },
    async (req, reply) => {
      const done = await logInToPortal(platform, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setSessionCookie(req, reply, { publicUrl, name: PORTAL_COOKIE, token: done.token });
      return { ...done.me, csrfToken: done.csrfToken, registered: done.registered };
    },
  );
  r.post(
    '/api/portal/logout',
    {
      schema: {
        operationId: 'portalLogout',
        tags: ['portal'],
        summary: '退出一网通办',
        response: { 200: OkResponse },
      },
      config: { portal: true, portalPublic: true },
    },
    async (req, reply) => {
      if (req.portalActor) await logOutOfPortal(platform, req.portalActor);
      clearSessionCookie(req, reply, { publicUrl, name: PORTAL_COOKIE });
      return { ok: true as const };
    },
  );
  r.get(
    '/api/portal/me',
    {
      schema: {
        operationId: 'getPortalMe',
        tags: ['portal'],
        summary: '当前登录的一网通办账号（个人信息脱敏）及会话的 CSRF 令牌',
        response: { 200: PortalSession },
      },
      config: { portal: true },
    },
    async (req) => {
      const actor = requirePortalActor(req);
      return { ...(await getPortalMe(platform, actor)), csrfToken: actor.csrfToken };
    },
  );
  r.post(
    '/api/portal/me/identity',
    {
      schema: {
        operationId: 'verifyPortalIdentity',
        tags: ['portal'],
        summary: '实名认证（姓名、公民身份号码）',
        body: VerifyPortalIdentityBody,
        response: { 200: PortalMe },
      },
      config: { portal: true },
    },
    async (req) =>
      verifyPortalIdentity(platform, requirePortalActor(req), {
        ...req.body,
        provider: DEVELOPMENT_STUB_IDENTITY_PROVIDER,
      }),
  );
  r.patch(
    '/api/portal/me',
    {
      schema: {
        operationId: 'updatePortalProfile',
        tags: ['portal'],
        summary: '修改个人资料（地址）',
        body: UpdatePortalProfileBody,
        response: { 200: PortalMe },
      },
      config: { portal: true },
    },
    async (req) => updatePortalProfile(platform, requirePortalActor(req), req.body),
  );
  r.get(
    '/api/portal/me/full',
    {
      schema: {
        operationId: 'readPortalProfile',
        tags: ['portal'],
        summary: '查看本人完整个人信息（每次查看留痕）',
        response: { 200: PortalProfileFull },
      },
      config: { portal: true },
    },
    async (req) => readPortalProfile(platform, requirePortalActor(req)),
  );
}
