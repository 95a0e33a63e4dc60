import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { ERROR_CODES, type ErrorCode } from '../../contracts/error-codes.ts';

/**
 * What the malformed-input tests share: the check a user makes of a refusal (a 4xx with a known
 * code and a message in their language, the fields at fault named) and the bad values each kind
 * of field is sent. (The snapshot of a case that proves a refused request changed nothing is the
 * cases module's: modules/cases/testing/malformed-bodies.ts.)
 */

export const BIG = 'x'.repeat(100_000);
const CJK = /[\u4e00-\u9fff]/;

export interface Refusal {
  code: ErrorCode;
  message: string;
  details?: { fields?: { path: string; message: string }[] } & Record<string, unknown>;
}

/**
 * Asserts a clear refusal: a 4xx whose status is the one of its code in contracts/error-codes.ts,
 * and the code's message in Chinese (or in English when `english`). Optionally the exact code.
 */
export function refused(res: LightMyRequestResponse, code?: ErrorCode, english = false): Refusal {
  const what = `${res.statusCode} ${res.body.slice(0, 400)}`;
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, `a 4xx: ${what}`);
  const error = (res.json() as { error: Refusal }).error;
  assert.ok(error && error.code in ERROR_CODES, `a code of contracts/error-codes.ts: ${what}`);
  if (code) assert.equal(error.code, code, what);
  assert.equal(res.statusCode, ERROR_CODES[error.code].status, `the status of ${error.code}`);
  assert.equal(error.message, ERROR_CODES[error.code][english ? 'en' : 'zh'], what);
  if (!english) assert.match(error.message, CJK);
  for (const f of error.details?.fields ?? []) {
    assert.ok(f.path && f.message, `every field error has a path and a message: ${what}`);
  }
  return error;
}

/** Asserts a refusal (by default 400 VALIDATION_FAILED) that names a field at or under `path`. */
export function fieldRefused(
  res: LightMyRequestResponse,
  path: string,
  options: { english?: boolean; code?: ErrorCode; what?: string } = {},
): Refusal {
  const error = refused(res, options.code ?? 'VALIDATION_FAILED', options.english);
  const paths = (error.details?.fields ?? []).map((f) => f.path);
  assert.ok(
    paths.some((p) => p === path || p.startsWith(`${path}.`)),
    `${options.what ?? 'the refusal'} names ${path}: ${JSON.stringify(error.details)}`,
  );
  return error;
}

/** The kinds of field a request body has, each with the values it must refuse. */
export type FieldKind =
  | 'version'
  | 'text'
  | 'line'
  | 'optText'
  | 'optLine'
  | 'days'
  | 'enum'
  | 'date'
  | 'optDate'
  | 'id'
  | 'list';

const MISSING = Symbol('missing');
const BAD_TEXT: [string, unknown][] = [
  ['a number', 42],
  ['100,000 characters', BIG],
  ['a NUL', 'a\u0000b'],
  ['an escape sequence', 'a\u001b[31mb'],
  ['a bidi override', '\u202eabc'],
  ['a broken surrogate', 'a\ud800b'],
  ['an array', ['a']],
  ['an object', { a: 1 }],
  ['null', null],
];
const BAD_DATE: [string, unknown][] = [
  ['30 February', '2026-02-30'],
  ['month 13', '2026-13-01'],
  ['slashes', '2026/12/01'],
  ['a number', 20261201],
  ['one-digit day', '2026-12-1'],
  ['null', null],
];

/** The values a field of a kind must refuse (MISSING: the field left out). */
function badValuesOf(kind: FieldKind): [string, unknown][] {
  const required: [string, unknown][] = [['missing', MISSING]];
  switch (kind) {
    case 'version':
      return [
        ...required,
        ['a string', '1'],
        ['negative', -1],
        ['zero', 0],
        ['fractional', 1.5],
        ['beyond 2^53', 2 ** 53],
        ['a boolean', true],
        ['null', null],
      ];
    case 'days':
      return [...required, ['a string', '3'], ['negative', -1], ['fractional', 1.5], ['huge', 1e308]];
    case 'text':
      return [...required, ['blank', '   '], ...BAD_TEXT];
    case 'line':
      return [...required, ['blank', '   '], ['a line break', 'a\nb'], ...BAD_TEXT];
    case 'optText':
      return BAD_TEXT;
    case 'optLine':
      return [['a line break', 'a\nb'], ...BAD_TEXT];
    case 'enum':
      return [...required, ['unknown', 'zzz'], ['a number', 1], ['empty', '']];
    case 'date':
      return [...required, ...BAD_DATE];
    case 'optDate':
      return BAD_DATE;
    case 'id':
      return [
        ...required,
        ['empty', ''],
        ['a NUL', 'a\u0000'],
        ['65 characters', 'x'.repeat(65)],
        ['a number', 42],
      ];
    case 'list':
      return [
        ...required,
        ['empty', []],
        ['a string', 'x'],
        ['an empty entry', [{}]],
        ['51 entries', Array(51).fill({ name: 'a', problem: 'b' })],
      ];
  }
}

/**
 * Every single-field corruption of a valid body: [what, body, the field path it must name]. With
 * `inside`, the fields are those of the object at that key of the body (the intake's applicant).
 */
export function corruptionsOf(
  base: Record<string, unknown>,
  kinds: Record<string, FieldKind>,
  inside?: string,
): [string, Record<string, unknown>, string][] {
  const out: [string, Record<string, unknown>, string][] = [];
  const target = inside ? (base[inside] as Record<string, unknown>) : base;
  const prefix = inside ? `body.${inside}` : 'body';
  for (const [field, kind] of Object.entries(kinds)) {
    for (const [label, value] of badValuesOf(kind)) {
      const part = { ...target };
      if (value === MISSING) delete part[field];
      else part[field] = value;
      const body = inside ? { ...base, [inside]: part } : part;
      out.push([`${prefix}.${field}: ${label}`, body, `${prefix}.${field}`]);
    }
  }
  return out;
}

/** Bodies that are not a JSON object at all, with the content type each is sent as. */
export const NOT_AN_OBJECT: [string, string, string][] = [
  ['not JSON', '{"version":', 'application/json'],
  ['an empty body', '', 'application/json'],
  ['a JSON array', '[{"version":1}]', 'application/json'],
  ['a JSON string', '"version"', 'application/json'],
  ['JSON null', 'null', 'application/json'],
  ['a JSON number', '5', 'application/json'],
  ['a __proto__ key', '{"version":1,"__proto__":{"admin":true}}', 'application/json'],
  ['plain text', 'version=1', 'text/plain'],
  ['a form post', 'version=1', 'application/x-www-form-urlencoded'],
];

/** Counts responses by status (and error code): `{ 200: 1, '409 CASE_STALE_VERSION': 9 }`. */
export function tally(responses: LightMyRequestResponse[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of responses) {
    const key = r.statusCode < 300 ? String(r.statusCode) : `${r.statusCode} ${r.json().error?.code}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
