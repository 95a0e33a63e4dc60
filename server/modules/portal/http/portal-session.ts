import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sessionTokenOf } from '../../../platform/auth/cookie.ts';
import { CSRF_HEADER } from '../../../platform/auth/sessions.ts';
import type { Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { PortalActor } from '../accounts/portal-actor.ts';
import { resolvePortalSession } from '../accounts/sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The citizen logged in to the portal, or null (portal routes only; never a staff actor). */
    portalActor: PortalActor | null;
  }
  interface FastifyContextConfig {
    /** A portal change anyone may send without a portal session (asking for a code, logging in). */
    portalPublic?: boolean;
  }
}

/** The portal's own cookie, never the staff one (over TLS `__Host-ow_portal`, Secure, as staff's). */
export const PORTAL_COOKIE = 'ow_portal';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Guards the portal's routes (registered inside `scope`): resolves the portal cookie to the
 * citizen, refuses a change without the session's CSRF token, and a change of a route not marked
 * `portalPublic` without a session. The staff plugin has already refused cross-site changes and
 * leaves these routes alone (`config.portal`).
 */
export function guardPortalRoutes(scope: FastifyInstance, platform: Platform): void {
  scope.decorateRequest('portalActor', null);
  scope.addHook('preValidation', async (req) => {
    const publicUrl = platform.config.publicUrl;
    const token = sessionTokenOf(req, { publicUrl, name: PORTAL_COOKIE });
    const resolved = token ? await resolvePortalSession(platform.db, token) : null;
    if (resolved && UNSAFE.has(req.method) && req.headers[CSRF_HEADER] !== resolved.csrfToken) {
      throw new AppError('AUTH_CSRF_INVALID');
    }
    req.portalActor = resolved?.actor ?? null;
    if (!req.portalActor && UNSAFE.has(req.method) && !req.routeOptions.config?.portalPublic) {
      throw new AppError('PORTAL_LOGIN_REQUIRED');
    }
  });
}

/** The logged-in citizen, or a 401 PORTAL_LOGIN_REQUIRED. */
export function requirePortalActor(req: FastifyRequest): PortalActor {
  if (!req.portalActor) throw new AppError('PORTAL_LOGIN_REQUIRED');
  return req.portalActor;
}
