import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';

/** Assertions on HTTP answers that the tests of every part share. */

/** Asserts an error response's status and code, and returns its body. */
export function expectError(res: LightMyRequestResponse, status: number, code: string) {
  assert.equal(res.statusCode, status, `${code}: ${res.body}`);
  const body = res.json();
  assert.equal(body.error.code, code, res.body);
  return body.error;
}

/** What a route answers, as far as most tests read it (a case: its id, version and status). */
export type Reply = Record<string, unknown> & { id: string; version: number; status: string };

/** Asserts a 2xx and returns the JSON body. */
export function ok<T = Reply>(res: LightMyRequestResponse): T {
  assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${res.statusCode} ${res.body}`);
  return res.json() as T;
}
