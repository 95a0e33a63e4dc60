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

  /** The details with every bilingual text (`say`) in the requested language. */
  detailsIn(locale: Locale): unknown {
    return inLanguage(this.details, locale);
  }
}

/** A text of an error's details in both languages; the answer carries the one the request asked for. */
export class Bilingual {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {}
}

/** A detail's text in Chinese and English, e.g. a field's message: `say('须说明理由', 'Reasons are required')`. */
export function say(zh: string, en: string): Bilingual {
  return new Bilingual(zh, en);
}

function inLanguage(value: unknown, locale: Locale): unknown {
  if (value instanceof Bilingual) return locale === 'en-US' ? value.en : value.zh;
  if (Array.isArray(value)) return value.map((v) => inLanguage(v, locale));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inLanguage(v, locale)]));
  }
  return value;
}

/** Picks the response language from an Accept-Language header: English only when asked for first. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

/** True when a value is an AppError with the given code. */
export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}
