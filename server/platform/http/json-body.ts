import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, localeFrom } from '../errors.ts';
import { bodyProblem } from './errors.ts';

/**
 * JSON bodies: Fastify's own parser says "not valid JSON" both for broken JSON and for valid JSON
 * carrying `__proto__` or `constructor.prototype` (refused against prototype pollution), which
 * misleads whoever reads it. This parser refuses the same keys and says which one it was.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(invalid(req, 'empty'), undefined);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return done(invalid(req, 'notJson'), undefined);
    }
    // Walk the parsed body only when its text names a key that could be one (rare; every body is parsed).
    const key = SUSPECT_KEY.test(text) ? forbiddenKey(value) : null;
    if (key) return done(invalid(req, 'forbiddenKey', key), undefined);
    done(null, value);
  });
}

function invalid(req: FastifyRequest, problem: Parameters<typeof bodyProblem>[1], key?: string): AppError {
  const message = bodyProblem(localeFrom(req.headers['accept-language']), problem, key);
  return new AppError('VALIDATION_FAILED', { fields: [{ path: 'body', message }] });
}

/** A key spelt out, or any `\u` escape (which could spell one). */
const SUSPECT_KEY = /__proto__|constructor|\\u/;

/** The first `__proto__` or `constructor.prototype` key anywhere in a parsed body, as a path. */
function forbiddenKey(value: unknown, path = 'body'): string | null {
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    if (key === '__proto__') return `${path}.__proto__`;
    if (
      key === 'constructor' &&
      child !== null &&
      typeof child === 'object' &&
      Object.hasOwn(child, 'prototype')
    ) {
      return `${path}.constructor.prototype`;
    }
    const found = forbiddenKey(child, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}
