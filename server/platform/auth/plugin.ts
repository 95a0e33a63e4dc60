import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../access/policy.ts';
import type { Db } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { CSRF_HEADER, findSession, SESSION_COOKIE } from './sessions.ts';

/** Builds the actor (name, grants) of an account; provided by the org module. */
export type ActorLoader = (db: Db, accountId: string) => Promise<Actor | null>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in actor, or null. Use `requireActor(req)` in handlers that need one. */
    actor: Actor | null;
    sessionToken: string | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie to an actor on every API request, and refuses state-changing requests
 * of a session whose X-CSRF-Token header does not match the session's token.
 */
export const authPlugin = fp<{ db: Db; loadActor: ActorLoader }>(async (app: FastifyInstance, opts) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('preHandler', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await findSession(opts.db, token);
    if (!session) return;
    if (UNSAFE.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('AUTH_CSRF_INVALID');
    }
    req.sessionToken = token;
    req.actor = await opts.loadActor(opts.db, session.accountId);
  });
});

/** The logged-in actor, or a 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('AUTH_REQUIRED');
  return req.actor;
}
