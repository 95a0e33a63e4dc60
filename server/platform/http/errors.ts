import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../../contracts/error-codes.ts';
import { AppError, localeFrom } from '../errors.ts';

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
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const locale = localeFrom(req.headers['accept-language']);
    const appError = toAppError(err);
    if (appError.code === 'INTERNAL_ERROR') req.log.error({ err }, 'unexpected error');
    const body: ErrorBody = {
      error: { code: appError.code, message: appError.messageIn(locale), details: appError.details },
    };
    reply.status(appError.status).send(body);
  });
}

function toAppError(err: FastifyError | AppError): AppError {
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
      message: v.message ?? 'invalid',
    }));
    return new AppError('VALIDATION_FAILED', { fields });
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
    return new AppError('VALIDATION_FAILED', { fields: [{ path: 'body', message: err.message }] });
  }
  return new AppError('INTERNAL_ERROR');
}

/** The error body for a code, in the request's language. */
export function errorBody(err: AppError, acceptLanguage: string | undefined): ErrorBody {
  return {
    error: { code: err.code, message: err.messageIn(localeFrom(acceptLanguage)), details: err.details },
  };
}
