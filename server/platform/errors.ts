import { ERROR_CODES, type ErrorCode } from '../../contracts/error-codes.ts';

export type { ErrorCode } from '../../contracts/error-codes.ts';

export type Locale = 'zh-CN' | 'en-US';

/** The one error type of OneWindow: a stable code, its HTTP status from the code table, and details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, details?: unknown) {
    super(ERROR_CODES[code].zh);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = details;
  }

  /** The message in the requested language (Chinese by default). */
  messageIn(locale: Locale): string {
    return locale === 'en-US' ? ERROR_CODES[this.code].en : ERROR_CODES[this.code].zh;
  }
}

/** Picks the response language from an Accept-Language header: English only when asked for first. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

/** True when a value is an AppError with the given code. */
export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}
