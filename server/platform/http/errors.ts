import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../../contracts/error-codes.ts';
import { AppError, type Locale, localeFrom } from '../errors.ts';
import { ENGLISH_MESSAGE_KEY, installZodMessages } from './zod-messages.ts';

/** A field at fault: its path in the request and what is wrong with it. */
interface FieldIssue {
  path: string;
  message: string;
}

/**
 * Turns every failure into the one error body: AppErrors keep their code and status, schema
 * failures become VALIDATION_FAILED with the fields at fault, anything unexpected is logged and
 * becomes INTERNAL_ERROR without internals.
 */
export function installErrorHandler(app: FastifyInstance): void {
  installZodMessages();
  app.setErrorHandler(handleError);
}

/**
 * Also Fastify's `frameworkErrors`: an address its router cannot take (a parameter longer than
 * maxParamLength, a broken %-escape) gets the one error body too, not Fastify's own in English.
 */
export function handleError(err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply): void {
  const locale = localeFrom(req.headers['accept-language']);
  const appError = toAppError(err, locale);
  // Every failure of the server, with the request's id, method and path (never its query or body).
  if (appError.status >= 500) {
    req.log.error({ err, method: req.method, path: req.url.split('?')[0] }, 'server error');
  }
  const body: ErrorBody = {
    error: { code: appError.code, message: appError.messageIn(locale), details: appError.detailsIn(locale) },
  };
  reply.status(appError.status).send(body);
}

function toAppError(err: FastifyError | AppError, locale: Locale): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const fields: FieldIssue[] = err.validation.map((v) => ({
      path: [
        where,
        ...String(v.instancePath ?? '')
          .split('/')
          .filter(Boolean),
      ].join('.'),
      message: messageOf(v, locale),
    }));
    return new AppError('VALIDATION_FAILED', { fields });
  }
  // Text PostgreSQL cannot store (a NUL, a broken UTF-8 sequence) that slipped past a schema: the
  // input's fault, not the server's. The schemas refuse it first (contracts/plain-text.ts).
  if (err.code === '22021' || err.code === '22P05') {
    return new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'body', message: TEXT[locale].unstorable }],
    });
  }
  // A unique index caught a race that the use case's own check could not see (SQLite / PostgreSQL codes).
  if (
    err.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    err.code === '23505'
  ) {
    return new AppError('CONFLICT_DUPLICATE');
  }
  if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new AppError('PAYLOAD_TOO_LARGE');
  if (err.statusCode === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  if (err.statusCode === 429) return new AppError('RATE_LIMITED');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    // Malformed JSON, empty bodies and the like: the client's fault, said as a validation failure.
    const known = Object.hasOwn(BODY_ERRORS, err.code) ? BODY_ERRORS[err.code] : undefined;
    const message = known ? TEXT[locale][known] : err.message;
    return new AppError('VALIDATION_FAILED', { fields: [{ path: 'body', message }] });
  }
  return new AppError('INTERNAL_ERROR');
}

/** A schema failure's message in the request's language (see zod-messages.ts). */
function messageOf(v: { message?: string; params?: Record<string, unknown> }, locale: Locale): string {
  // Every issue carries its English on itself (zod-messages.ts, problemIssue, bilingual).
  const english = v.params?.[ENGLISH_MESSAGE_KEY];
  if (locale === 'en-US' && typeof english === 'string') return english;
  return v.message ?? 'invalid';
}

/** Fastify's body-parser failures, said in the request's language instead of Fastify's English. */
const BODY_ERRORS: Record<string, BodyProblem> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'notJson',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty',
  FST_ERR_BAD_URL: 'badUrl',
  FST_ERR_MAX_PARAM_LENGTH: 'badUrl',
};
type BodyProblem = 'notJson' | 'empty' | 'unstorable' | 'forbiddenKey' | 'tooDeep' | 'badUrl';
const TEXT: Record<Locale, Record<BodyProblem, string>> = {
  'zh-CN': {
    notJson: '请求内容不是有效的 JSON',
    empty: '请求内容为空，应为 JSON',
    unstorable: '含有无法保存的字符（如 \\u0000）',
    forbiddenKey: '请求内容含有不允许的键 {key}',
    tooDeep: '请求内容嵌套过深（最多 {key} 层）',
    badUrl: '请求地址无效（参数过长或编码有误）',
  },
  'en-US': {
    notJson: 'The body is not valid JSON',
    empty: 'The body is empty; JSON expected',
    unstorable: 'Contains characters that cannot be stored (such as \\u0000)',
    forbiddenKey: 'The body contains the forbidden key {key}',
    tooDeep: 'The body is nested too deeply (at most {key} levels)',
    badUrl: 'The address is invalid (a parameter too long or badly encoded)',
  },
};

/** What is wrong with a request's body or address, in its language. */
export function bodyProblem(locale: Locale, problem: BodyProblem, key = ''): string {
  return TEXT[locale][problem].replace('{key}', key);
}

/** The error body for a code, in the request's language. */
export function errorBody(err: AppError, acceptLanguage: string | undefined): ErrorBody {
  const locale = localeFrom(acceptLanguage);
  return { error: { code: err.code, message: err.messageIn(locale), details: err.detailsIn(locale) } };
}
