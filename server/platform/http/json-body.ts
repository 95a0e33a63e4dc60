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
    // Cheap and before parsing: V8's parser recurses, and a body nested 100,000 deep exhausts it.
    if (nestingOf(text) > MAX_DEPTH) return done(invalid(req, 'tooDeep', String(MAX_DEPTH)), undefined);
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

/** No body of the house nests deeper than a handful of levels; 64 leaves room and bounds every walk. */
export const MAX_DEPTH = 64;

function invalid(req: FastifyRequest, problem: Parameters<typeof bodyProblem>[1], key?: string): AppError {
  const message = bodyProblem(localeFrom(req.headers['accept-language']), problem, key);
  return new AppError('VALIDATION_FAILED', { fields: [{ path: 'body', message }] });
}

/** A key spelt out, or any `\u` escape (which could spell one). */
const SUSPECT_KEY = /__proto__|constructor|\\u/;

/** The deepest nesting of `[` and `{` in a JSON text, brackets inside strings not counted. */
export function nestingOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * The first `__proto__` or `constructor.prototype` key anywhere in a parsed body, as a path. Walks
 * with its own stack, never the call stack, so no body can overflow it.
 */
export function forbiddenKey(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, 'body']];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, path] = next;
    if (node === null || typeof node !== 'object') continue;
    const children: [unknown, string][] = [];
    for (const [key, child] of Object.entries(node)) {
      if (key === '__proto__') return `${path}.__proto__`;
      if (
        key === 'constructor' &&
        child !== null &&
        typeof child === 'object' &&
        Object.hasOwn(child, 'prototype')
      ) {
        return `${path}.constructor.prototype`;
      }
      children.push([child, `${path}.${key}`]);
    }
    // Pushed in reverse so the first key is looked at first, as a reader would.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as [unknown, string]);
  }
  return null;
}
