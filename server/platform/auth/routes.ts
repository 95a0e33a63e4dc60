import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChangePasswordBody, LoginBody, MeResponse, OkResponse } from '../../../contracts/auth.ts';
import { allowedActions, type Grant, grantCovers } from '../access/policy.ts';
import type { Platform } from '../context.ts';
import { changePassword } from './change-password.ts';
import { clearSessionCookie, setSessionCookie } from './cookie.ts';
import { login } from './login.ts';
import { requireActor } from './plugin.ts';
import { deleteSession, findSession } from './sessions.ts';

/** Log-in, log-out, who-am-I and password change. */
export function authRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: '工作人员登录',
        body: LoginBody,
        response: { 200: MeResponse },
      },
      config: {
        public: true,
        beforePasswordChange: true,
        rateLimit: { max: platform.config.loginRateLimit, timeWindow: '1 minute' },
      },
    },
    async (req, reply) => {
      const session = await login(platform, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setSessionCookie(req, reply, { publicUrl: platform.config.publicUrl, token: session.token });
      const actor = await platform.loadActor(platform.db, session.accountId);
      if (!actor) throw new Error('account without actor');
      return {
        ...actor,
        permissions: allowedActions(actor),
        grants: actor.grants.map(toGrantView),
        csrfToken: session.csrfToken,
      };
    },
  );

  r.post(
    '/api/auth/logout',
    {
      schema: { operationId: 'logout', tags: ['auth'], summary: '退出登录', response: { 200: OkResponse } },
      config: { public: true, beforePasswordChange: true },
    },
    async (req, reply) => {
      if (req.sessionToken) await deleteSession(platform.db, req.sessionToken);
      clearSessionCookie(req, reply, { publicUrl: platform.config.publicUrl });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/me',
    {
      schema: {
        operationId: 'getMe',
        tags: ['auth'],
        summary: '当前登录用户及其权限',
        response: { 200: MeResponse },
      },
      config: { beforePasswordChange: true },
    },
    async (req) => {
      const actor = requireActor(req);
      const session = await findSession(platform.db, req.sessionToken ?? '');
      return {
        ...actor,
        permissions: allowedActions(actor),
        grants: actor.grants.map(toGrantView),
        csrfToken: session?.csrfToken ?? '',
      };
    },
  );

  r.post(
    '/api/auth/password',
    {
      schema: {
        operationId: 'changePassword',
        tags: ['auth'],
        summary: '修改本人密码',
        body: ChangePasswordBody,
        response: { 200: OkResponse },
      },
      config: { beforePasswordChange: true },
    },
    async (req) => {
      await changePassword(platform, requireActor(req), { ...req.body, sessionToken: req.sessionToken });
      return { ok: true as const };
    },
  );
}

function toGrantView(g: Grant) {
  return {
    role: g.role,
    scopeOrgUnitId: g.scopeOrgUnitId,
    scopeName: g.scopeName,
    countyWide: grantCovers(g, 'global'),
  };
}
