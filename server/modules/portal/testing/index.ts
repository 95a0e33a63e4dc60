import type { LightMyRequestResponse } from 'fastify';
import type { Client, TestContext } from '../../../testing/harness.ts';

/** The code of the newest text to a number ending in `last4`, read from the outbox as an administrator. */
export async function codeFromOutbox(ctx: TestContext, last4: string): Promise<string> {
  const admin = await ctx.as('admin');
  const res = await admin.get('/api/notify/outbox?channel=sms&pageSize=50');
  const item = (res.json().items as { recipientMasked: string; template: string; body: string }[]).find(
    (i) => i.template === 'portal.loginCode' && i.recipientMasked.endsWith(last4),
  );
  const code = item?.body.match(/验证码为(\d{6})/)?.[1];
  if (!code) throw new Error(`no login code for …${last4} in the outbox: ${res.body.slice(0, 300)}`);
  return code;
}

/** A client carrying a portal session (its cookie and CSRF token). */
export function portalClient(ctx: TestContext, login: LightMyRequestResponse): Client {
  const cookie = login.cookies.find((c) => c.name === 'ow_portal');
  if (!cookie) throw new Error(`no portal cookie: ${login.statusCode} ${login.body}`);
  const headers = { cookie: `ow_portal=${cookie.value}`, 'x-csrf-token': String(login.json().csrfToken) };
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    ctx.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
  return {
    get: (url, extra) => ctx.app.inject({ method: 'GET', url, headers: { ...headers, ...extra } }),
    post: (url, body, extra) =>
      ctx.app.inject({
        method: 'POST',
        url,
        headers: { ...headers, ...extra },
        payload: (body ?? {}) as object,
      }),
    put: (url, body) => send('PUT', url, body ?? {}),
    patch: (url, body) => send('PATCH', url, body ?? {}),
    delete: (url) => send('DELETE', url),
    inject: (opts) => ctx.app.inject({ ...opts, headers: { ...headers, ...(opts.headers ?? {}) } }),
  };
}

/** Signs a number up (or logs it in) through the outbox code, from address `ip`; the portal client. */
export async function portalLogIn(ctx: TestContext, phone: string, ip = '10.9.0.1'): Promise<Client> {
  const asked = await ctx.anonymous.post('/api/portal/login-code', { phone }, { 'x-forwarded-for': ip });
  if (asked.statusCode !== 200) throw new Error(`code for ${phone}: ${asked.statusCode} ${asked.body}`);
  const code = await codeFromOutbox(ctx, phone.slice(-4));
  const login = await ctx.anonymous.post('/api/portal/login', { phone, code }, { 'x-forwarded-for': ip });
  return portalClient(ctx, login);
}

/** "A minute later": forgets the per-minute code counters (the window itself is the attempt limiter's, tested there). */
export async function aMinuteLater(ctx: TestContext): Promise<void> {
  await ctx.platform.db.deleteFrom('attempt_counters').where('key', 'like', 'portal.code:%:minute').execute();
}
