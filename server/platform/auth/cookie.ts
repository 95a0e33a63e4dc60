import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** The session cookie over plain HTTP (development, a loopback demo). */
export const SESSION_COOKIE = 'ow_session';
/**
 * The session cookie over TLS. Browsers accept a `__Host-` cookie only with Secure, Path=/ and no
 * Domain, so no sibling sub-domain (another county site under gov.cn) can plant or overwrite it.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/**
 * Whether this request reached us over TLS: directly, through a proxy named in TRUST_PROXY
 * (X-Forwarded-Proto), or — when the proxy is not named — because PUBLIC_URL says the site is https.
 */
export function servedOverTls(req: FastifyRequest, publicUrl: string): boolean {
  return req.protocol === 'https' || publicUrl.startsWith('https:');
}

/**
 * Which session cookie: the site's public address and the cookie's name over plain HTTP, staff's
 * `ow_session` unless another is named (the portal's `ow_portal`); over TLS it is `__Host-<name>`.
 */
export interface SessionCookieSite {
  publicUrl: string;
  name?: string;
}

function cookieNameOf(req: FastifyRequest, site: SessionCookieSite): string {
  const name = site.name ?? SESSION_COOKIE;
  return servedOverTls(req, site.publicUrl) ? `__Host-${name}` : name;
}

/** The session token the request carries: over TLS only the `__Host-` cookie counts. */
export function sessionTokenOf(req: FastifyRequest, site: SessionCookieSite): string | undefined {
  return req.cookies[cookieNameOf(req, site)];
}

/**
 * Sets the session cookie to `token`: HttpOnly, SameSite=Strict, Path=/; over TLS (the request's, or
 * a `publicUrl` of https) `__Host-` and Secure.
 */
export function setSessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  cookie: SessionCookieSite & { token: string },
) {
  const secure = servedOverTls(req, cookie.publicUrl);
  reply.setCookie(cookieNameOf(req, cookie), cookie.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
  });
}

/** Removes the session cookie, whichever name (plain or `__Host-`) it has. */
export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply, site: SessionCookieSite) {
  const name = site.name ?? SESSION_COOKIE;
  if (servedOverTls(req, site.publicUrl)) reply.clearCookie(`__Host-${name}`, { path: '/', secure: true });
  reply.clearCookie(name, { path: '/' });
}

/**
 * A second barrier beside the CSRF token: a browser names where a request comes from (Sec-Fetch-Site,
 * Origin), and a change sent from another site is refused before anything else is looked at, log-in
 * included. A request naming neither (a script, curl) passes on to the session and token checks.
 */
export function refuseCrossSite(req: FastifyRequest, publicUrl: string): void {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new AppError('AUTH_CROSS_SITE', { secFetchSite: site });
  }
  const origin = req.headers.origin;
  if (origin === undefined) return;
  if (origin !== new URL(publicUrl).origin && hostnameOf(origin) !== req.hostname) {
    throw new AppError('AUTH_CROSS_SITE', { origin: origin.slice(0, 200) });
  }
}

// The host name alone: behind a proxy that ends TLS the scheme and port we see are not the browser's.
function hostnameOf(origin: string): string | null {
  try {
    return new URL(origin).hostname;
  } catch {
    return null;
  }
}
