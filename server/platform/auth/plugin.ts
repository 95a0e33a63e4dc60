import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../access/policy.ts';
import type { Db } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { refuseCrossSite, sessionTokenOf } from './cookie.ts';
import {
  CSRF_HEADER,
  findSession,
  forgetResolvedSessions,
  type SessionRow,
  sessionGeneration,
} from './sessions.ts';

/** Builds the actor (name, grants) of an account; provided by the org module. */
export type ActorLoader = (db: Db, accountId: string) => Promise<Actor | null>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in actor, or null. Use `requireActor(req)` in handlers that need one. */
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** A change anyone may send without logging in (log-in, log-out); every other change needs a session. */
    public?: boolean;
    /** Open to a session whose password must be changed first (who-am-I, the change itself, log-in, log-out). */
    beforePasswordChange?: boolean;
    /**
     * A route of the citizen portal: the staff session is not looked at (a staff cookie neither
     * helps nor hinders), and the portal module's own session and CSRF token guard it.
     */
    portal?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A resolved session (its row and its actor) is reused by this process for up to REUSE_MS: a busy
 * window would otherwise pay three queries per request before any work. Staleness is bounded: at
 * most REUSE_MS across processes (a log-out or a role change made through another process takes
 * effect here within a second); in this process, log-out, password changes, ended sessions and any
 * change through the org or auth API forget every resolution at once. Expiry is checked on every
 * hit, and the session is still touched in the database at least once a minute while in use.
 */
const REUSE_MS = 1000;
const MAX_RESOLVED = 10_000;
/** Changes through these paths may alter an actor (grants, org paths, disabling, passwords). */
const ACTOR_CHANGING_PATHS = ['/api/org/', '/api/auth/'];

interface Resolved {
  until: number;
  generation: number;
  session: SessionRow;
  actor: Actor | null;
}

/**
 * Resolves the session cookie to an actor on every API request, and refuses state-changing requests
 * sent from another site (Origin, Sec-Fetch-Site) or of a session whose X-CSRF-Token header does not
 * match the session's token.
 */
export const authPlugin = fp<{ db: Db; loadActor: ActorLoader; publicUrl: string }>(
  async (app: FastifyInstance, opts) => {
    const resolved = new Map<string, Resolved>();
    app.decorateRequest('actor', null);
    app.decorateRequest('sessionToken', null);
    // Before validation: a forged or anonymous change is refused before its body is even looked at.
    app.addHook('preValidation', async (req) => {
      if (UNSAFE.has(req.method)) refuseCrossSite(req, opts.publicUrl);
      // No route: the answer is the 404, not "please log in" (nothing would have been done anyway).
      if (req.routeOptions.config?.portal || req.routeOptions.url === undefined) return;
      await attachSession(req);
      if (!req.actor && UNSAFE.has(req.method) && !req.routeOptions.config?.public) {
        throw new AppError('AUTH_REQUIRED');
      }
      // An initial or reset password is known to someone else: its grants wait until it is changed.
      if (
        req.actor?.mustChangePassword &&
        !req.routeOptions.config?.beforePasswordChange &&
        req.url.startsWith('/api/')
      ) {
        throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED');
      }
    });
    /** Resolves the session cookie to the request's actor; a change must carry the session's CSRF token. */
    const attachSession = async (req: FastifyRequest): Promise<void> => {
      const token = sessionTokenOf(req, { publicUrl: opts.publicUrl });
      if (!token) return;
      const now = Date.now();
      let hit = resolved.get(token);
      if (!hit || hit.until < now || hit.generation !== sessionGeneration()) {
        const generation = sessionGeneration();
        const session = await findSession(opts.db, token);
        if (!session) {
          resolved.delete(token);
          return;
        }
        const actor = await opts.loadActor(opts.db, session.accountId);
        hit = { until: Math.min(now + REUSE_MS, session.endsAt), generation, session, actor };
        if (resolved.size >= MAX_RESOLVED) resolved.clear();
        resolved.set(token, hit);
      }
      if (UNSAFE.has(req.method) && req.headers[CSRF_HEADER] !== hit.session.csrfToken) {
        throw new AppError('AUTH_CSRF_INVALID');
      }
      req.sessionToken = token;
      req.actor = hit.actor;
    };
    // After the change committed and before the client hears of it: its next request sees it.
    app.addHook('onSend', async (req) => {
      if (UNSAFE.has(req.method) && ACTOR_CHANGING_PATHS.some((p) => req.url.startsWith(p))) {
        forgetResolvedSessions();
      }
    });
  },
);

/** The logged-in actor, or a 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('AUTH_REQUIRED');
  return req.actor;
}
